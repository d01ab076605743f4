package rungs.aws.athena.result_encryption_test

import rego.v1

import data.rungs.aws.athena.result_encryption as policy

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

test_sse_kms_passes if {
	d := doc([res("aws_athena_workgroup", "x", {"configuration": [{"result_configuration": [{"encryption_configuration": [{"encryption_option": "SSE_KMS", "kms_key_arn": "${aws_kms_key.a.arn}"}]}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_configuration_is_denied if {
	d := doc([res("aws_athena_workgroup", "x", {"name": "wg"})])
	addresses(policy.deny) == {"aws_athena_workgroup.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_encryption_block_is_denied if {
	d := doc([res("aws_athena_workgroup", "x", {"configuration": [{"result_configuration": [{"output_location": "s3://results/"}]}]})])
	addresses(policy.deny) == {"aws_athena_workgroup.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_option_is_not_judged if {
	d := doc([res("aws_athena_workgroup", "x", {"configuration": [{"result_configuration": [{"encryption_configuration": [{"encryption_option": "${var.enc}"}]}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_athena_workgroup.x"} with input as d
}
