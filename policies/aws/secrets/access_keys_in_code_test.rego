package rungs.aws.secrets.access_keys_in_code_test

import rego.v1

import data.rungs.aws.secrets.access_keys_in_code as policy

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

test_key_in_lambda_environment_is_denied if {
	d := doc([res("aws_lambda_function", "app", {"environment": [{"variables": {"AWS_ACCESS_KEY_ID": "AKIAIOSFODNN7EXAMPLE"}}]})])
	addresses(policy.deny) == {"aws_lambda_function.app"} with input as d
}

test_secret_in_user_data_is_denied if {
	d := doc([res("aws_instance", "app", {"user_data": "#!/bin/sh\nexport AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n"})])
	addresses(policy.deny) == {"aws_instance.app"} with input as d
}

test_key_in_container_definitions_is_denied if {
	d := doc([res("aws_ecs_task_definition", "app", {"container_definitions": "[{\"name\":\"app\",\"environment\":[{\"name\":\"K\",\"value\":\"ASIAIOSFODNN7EXAMPLE\"}]}]"})])
	addresses(policy.deny) == {"aws_ecs_task_definition.app"} with input as d
}

test_role_based_function_passes if {
	d := doc([res("aws_lambda_function", "app", {"role": "${aws_iam_role.app.arn}", "environment": [{"variables": {"STAGE": "prod"}}]})])
	addresses(policy.deny) == set() with input as d
}

test_key_from_variable_passes if {
	d := doc([res("aws_lambda_function", "app", {"environment": [{"variables": {"AWS_ACCESS_KEY_ID": "${var.key_id}"}}]})])
	addresses(policy.deny) == set() with input as d
}

test_longer_token_is_not_a_key_id if {
	d := doc([res("aws_ssm_parameter", "p", {"name": "/x", "type": "String", "value": "XAKIAIOSFODNN7EXAMPLEX"})])
	addresses(policy.deny) == set() with input as d
}

test_finding_names_the_argument_not_the_value if {
	d := doc([res("aws_lambda_function", "app", {"environment": [{"variables": {"KEY": "AKIAIOSFODNN7EXAMPLE"}}]})])
	policy.deny == {{"resource": "aws_lambda_function.app", "message": "Argument environment holds an AWS access key (value not shown)"}} with input as d
}
