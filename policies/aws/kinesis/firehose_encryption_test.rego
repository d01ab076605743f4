package rungs.aws.kinesis.firehose_encryption_test

import rego.v1

import data.rungs.aws.kinesis.firehose_encryption as policy

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

test_encrypted_passes if {
	d := doc([res("aws_kinesis_firehose_delivery_stream", "x", {"server_side_encryption": [{"enabled": true}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_block_is_denied if {
	d := doc([res("aws_kinesis_firehose_delivery_stream", "x", {})])
	addresses(policy.deny) == {"aws_kinesis_firehose_delivery_stream.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_disabled_is_denied if {
	d := doc([res("aws_kinesis_firehose_delivery_stream", "x", {"server_side_encryption": [{"enabled": false}]})])
	addresses(policy.deny) == {"aws_kinesis_firehose_delivery_stream.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_kinesis_source_is_not_judged_here if {
	d := doc([res("aws_kinesis_firehose_delivery_stream", "x", {"kinesis_source_configuration": [{"kinesis_stream_arn": "${aws_kinesis_stream.s.arn}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_flag_is_not_judged if {
	d := doc([res("aws_kinesis_firehose_delivery_stream", "x", {"server_side_encryption": [{"enabled": "${var.sse}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_kinesis_firehose_delivery_stream.x"} with input as d
}
