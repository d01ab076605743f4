package rungs.aws.rds.customer_managed_key_test

import rego.v1

import data.rungs.aws.rds.customer_managed_key as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

test_key_reference_passes if {
	d := doc([res("aws_db_instance", "x", {"kms_key_id": "${aws_kms_key.data.arn}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_key_arn_passes if {
	d := doc([res("aws_db_instance", "x", {"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_key_is_denied if {
	d := doc([res("aws_db_instance", "x", {})])
	addresses(policy.deny) == {"aws_db_instance.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_aws_managed_alias_is_denied if {
	d := doc([res("aws_db_instance", "x", {"kms_key_id": "alias/aws/service"})])
	addresses(policy.deny) == {"aws_db_instance.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_key_from_variable_is_not_judged if {
	d := doc([res("aws_db_instance", "x", {"kms_key_id": "${var.kms_key_arn}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_db_instance.x"} with input as d
}

test_cluster_without_key_is_denied if {
	d := doc([res("aws_rds_cluster", "x", {"engine": "aurora-postgresql", "storage_encrypted": true})])
	addresses(policy.deny) == {"aws_rds_cluster.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_cluster_with_key_passes if {
	d := doc([res("aws_rds_cluster", "x", {"engine": "aurora-postgresql", "kms_key_id": "${aws_kms_key.rds.arn}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_replica_inherits_its_key if {
	d := doc([res("aws_db_instance", "x", {"replicate_source_db": "${aws_db_instance.primary.identifier}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_source_that_may_be_null_is_unknown if {
	d := doc([
		res("aws_db_instance", "v", {"replicate_source_db": "${var.source}"}),
		res("aws_db_instance", "r", {"replicate_source_db": "${aws_db_instance.primary.identifier}"}),
		res("aws_rds_cluster", "k", {"snapshot_identifier": "${var.snapshot}", "kms_key_id": "${aws_kms_key.k.arn}"}),
	])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_db_instance.v"} with input as d
}
