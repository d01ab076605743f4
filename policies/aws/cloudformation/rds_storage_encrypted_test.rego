package rungs.aws.cloudformation.rds_storage_encrypted_test

import rego.v1

import data.rungs.aws.cloudformation.rds_storage_encrypted as policy

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

test_unencrypted_instance_and_cluster_denied if {
	d := doc([
		res("AWS::RDS::DBInstance", "Plain", {"Engine": "postgres"}),
		res("AWS::RDS::DBInstance", "Off", {"StorageEncrypted": false}),
		res("AWS::RDS::DBInstance", "On", {"StorageEncrypted": true}),
		res("AWS::RDS::DBCluster", "Cluster", {"Engine": "aurora-postgresql"}),
	])
	addresses(policy.deny) == {"Plain", "Off", "Cluster"} with input as d
}

test_cluster_members_and_replicas_not_judged if {
	d := doc([
		res("AWS::RDS::DBInstance", "Member", {"DBClusterIdentifier": "${Cluster}"}),
		res("AWS::RDS::DBInstance", "Replica", {"SourceDBInstanceIdentifier": "${Primary}"}),
	])
	count(policy.deny) == 0 with input as d
}

test_unknown_not_judged if {
	d := doc([res("AWS::RDS::DBInstance", "U", {"StorageEncrypted": "${Encrypt}"})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"U"} with input as d
}

test_source_that_may_be_empty_is_unknown if {
	d := doc([
		res("AWS::RDS::DBCluster", "Cluster", {"StorageEncrypted": true}),
		res("AWS::RDS::DBInstance", "Member", {"DBClusterIdentifier": "${Cluster}"}),
		res("AWS::RDS::DBInstance", "Maybe", {"SnapshotIdentifier": "${Fn::If Restore}"}),
		res("AWS::RDS::DBInstance", "On", {"SnapshotIdentifier": "${SnapshotParam}", "StorageEncrypted": true}),
	])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"Maybe"} with input as d
}
