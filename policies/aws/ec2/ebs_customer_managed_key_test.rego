package rungs.aws.ec2.ebs_customer_managed_key_test

import rego.v1

import data.rungs.aws.ec2.ebs_customer_managed_key as policy

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
	d := doc([res("aws_ebs_volume", "x", {"kms_key_id": "${aws_kms_key.data.arn}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_key_arn_passes if {
	d := doc([res("aws_ebs_volume", "x", {"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_key_is_denied if {
	d := doc([res("aws_ebs_volume", "x", {})])
	addresses(policy.deny) == {"aws_ebs_volume.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_aws_managed_alias_is_denied if {
	d := doc([res("aws_ebs_volume", "x", {"kms_key_id": "alias/aws/service"})])
	addresses(policy.deny) == {"aws_ebs_volume.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_key_from_variable_is_not_judged if {
	d := doc([res("aws_ebs_volume", "x", {"kms_key_id": "${var.kms_key_arn}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_ebs_volume.x"} with input as d
}

test_snapshot_volume_is_not_judged_here if {
	d := doc([res("aws_ebs_volume", "x", {"snapshot_id": "snap-1"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_snapshot_id_that_may_be_null_is_unknown if {
	d := doc([
		res("aws_ebs_volume", "v", {"snapshot_id": "${var.snapshot_id}"}),
		res("aws_ebs_volume", "r", {"snapshot_id": "${aws_ebs_snapshot.s.id}"}),
		res("aws_ebs_volume", "k", {"snapshot_id": "${var.snapshot_id}", "kms_key_id": "${aws_kms_key.k.arn}"}),
	])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_ebs_volume.v"} with input as d
}
