package rungs.aws.lambda.environment_customer_managed_key_test

import rego.v1

import data.rungs.aws.lambda.environment_customer_managed_key as policy

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
	d := doc([res("aws_lambda_function", "x", {"kms_key_arn": "${aws_kms_key.data.arn}", "environment": [{"variables": {"A": "1"}}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_key_is_denied if {
	d := doc([res("aws_lambda_function", "x", {"environment": [{"variables": {"A": "1"}}]})])
	addresses(policy.deny) == {"aws_lambda_function.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_variables_from_a_variable_are_judged if {
	d := doc([res("aws_lambda_function", "x", {"environment": [{"variables": "${var.env}"}]})])
	addresses(policy.deny) == {"aws_lambda_function.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_environment_is_not_judged_here if {
	d := doc([res("aws_lambda_function", "x", {"runtime": "python3.12"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_empty_variables_are_not_judged_here if {
	d := doc([res("aws_lambda_function", "x", {"environment": [{"variables": {}}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_key_from_variable_is_not_judged if {
	d := doc([res("aws_lambda_function", "x", {"kms_key_arn": "${var.kms}", "environment": [{"variables": {"A": "1"}}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_lambda_function.x"} with input as d
}
