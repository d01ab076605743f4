package rungs.aws.cloudformation.lambda_environment_customer_managed_key_test

import rego.v1

import data.rungs.aws.cloudformation.lambda_environment_customer_managed_key as policy

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
	res("AWS::Lambda::Function", "Keyed", {"Runtime": "python3.12", "Handler": "app.handler", "Role": "arn:aws:iam::1:role/f", "Code": {"ZipFile": "x"}, "Environment": {"Variables": {"STAGE": "prod"}}, "KmsKeyArn": "${FunctionKey.Arn}"}),
	res("AWS::Lambda::Function", "NoVariables", {"Runtime": "python3.12", "Handler": "app.handler", "Role": "arn:aws:iam::1:role/f", "Code": {"ZipFile": "x"}}),
	res("AWS::Lambda::Function", "AwsKey", {"Runtime": "python3.12", "Handler": "app.handler", "Role": "arn:aws:iam::1:role/f", "Code": {"ZipFile": "x"}, "Environment": {"Variables": {"STAGE": "prod"}}}),
	res("AWS::Lambda::Function", "Maybe", {"Runtime": "python3.12", "Handler": "app.handler", "Role": "arn:aws:iam::1:role/f", "Code": {"ZipFile": "x"}, "Environment": {"Variables": {"STAGE": "prod"}}, "KmsKeyArn": "${KeyArn}"}),
	res("AWS::KMS::Key", "FunctionKey", {}),
])

passing := doc([
	res("AWS::Lambda::Function", "Keyed", {"Runtime": "python3.12", "Handler": "app.handler", "Role": "arn:aws:iam::1:role/f", "Code": {"ZipFile": "x"}, "Environment": {"Variables": {"STAGE": "prod"}}, "KmsKeyArn": "${FunctionKey.Arn}"}),
	res("AWS::Lambda::Function", "NoVariables", {"Runtime": "python3.12", "Handler": "app.handler", "Role": "arn:aws:iam::1:role/f", "Code": {"ZipFile": "x"}}),
	res("AWS::KMS::Key", "FunctionKey", {}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"AwsKey"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
