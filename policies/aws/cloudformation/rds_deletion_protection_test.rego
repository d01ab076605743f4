package rungs.aws.cloudformation.rds_deletion_protection_test

import rego.v1

import data.rungs.aws.cloudformation.rds_deletion_protection as policy

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
	res("AWS::RDS::DBInstance", "Protected", {"Engine": "postgres", "DeletionProtection": true}),
	res("AWS::RDS::DBCluster", "Cluster", {"Engine": "aurora-mysql", "DeletionProtection": "true"}),
	res("AWS::RDS::DBInstance", "Replica", {"SourceDBInstanceIdentifier": "${Protected}"}),
	res("AWS::RDS::DBInstance", "Default", {"Engine": "postgres"}),
	res("AWS::RDS::DBCluster", "Off", {"Engine": "aurora-mysql", "DeletionProtection": false}),
	res("AWS::RDS::DBInstance", "Maybe", {"Engine": "mysql", "DeletionProtection": "${Fn::If Prod}"}),
])

passing := doc([
	res("AWS::RDS::DBInstance", "Protected", {"Engine": "postgres", "DeletionProtection": true}),
	res("AWS::RDS::DBCluster", "Cluster", {"Engine": "aurora-mysql", "DeletionProtection": "true"}),
	res("AWS::RDS::DBInstance", "Replica", {"SourceDBInstanceIdentifier": "${Protected}"}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Default", "Off"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
