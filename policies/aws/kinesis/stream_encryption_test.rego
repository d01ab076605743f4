package rungs.aws.kinesis.stream_encryption_test

import rego.v1

import data.rungs.aws.kinesis.stream_encryption as policy

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

test_kms_passes if {
	d := doc([res("aws_kinesis_stream", "x", {"encryption_type": "KMS", "kms_key_id": "alias/aws/kinesis"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_argument_is_denied if {
	d := doc([res("aws_kinesis_stream", "x", {})])
	addresses(policy.deny) == {"aws_kinesis_stream.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_none_is_denied if {
	d := doc([res("aws_kinesis_stream", "x", {"encryption_type": "NONE"})])
	addresses(policy.deny) == {"aws_kinesis_stream.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_setting_is_not_judged if {
	d := doc([res("aws_kinesis_stream", "x", {"encryption_type": "${var.encryption}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_kinesis_stream.x"} with input as d
}
