package rungs.aws.cloudformation.rds_backup_retention_test

import rego.v1

import data.rungs.aws.cloudformation.rds_backup_retention as policy

res(t, id, props) := {"address": id, "ref": id, "type": t, "name": id, "provider": "cloudformation", "mode": "managed", "module": "", "file": "t.yaml", "line": 1, "end_line": 2, "config": props}

doc(rs) := {
	"schema_version": 1,
	"root": "t.yaml",
	"files": ["t.yaml"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
	"providers": [],
}

addresses(findings) := {f.resource | some f in findings}

cases := doc([
	res("AWS::RDS::DBInstance", "Kept", {"Engine": "postgres", "BackupRetentionPeriod": 7}),
	res("AWS::RDS::DBCluster", "Cluster", {"Engine": "aurora-postgresql", "BackupRetentionPeriod": "35"}),
	res("AWS::RDS::DBInstance", "Member", {"Engine": "aurora-postgresql", "DBClusterIdentifier": "shared-cluster"}),
	res("AWS::RDS::DBInstance", "Default", {"Engine": "postgres"}),
	res("AWS::RDS::DBInstance", "Short", {"Engine": "mysql", "BackupRetentionPeriod": 3}),
	res("AWS::RDS::DBInstance", "Maybe", {"Engine": "mysql", "BackupRetentionPeriod": "${Days}"}),
	res("AWS::RDS::DBInstance", "MaybeMember", {"Engine": "aurora-mysql", "DBClusterIdentifier": "${ClusterName}"}),
])

passing := doc([
	res("AWS::RDS::DBInstance", "Kept", {"Engine": "postgres", "BackupRetentionPeriod": 7}),
	res("AWS::RDS::DBCluster", "Cluster", {"Engine": "aurora-postgresql", "BackupRetentionPeriod": "35"}),
	res("AWS::RDS::DBInstance", "Member", {"Engine": "aurora-postgresql", "DBClusterIdentifier": "shared-cluster"}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Default", "Short"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe", "MaybeMember"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
