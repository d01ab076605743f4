package rungs.aws.cloudformation.iam_role_trust_not_public_test

import rego.v1

import data.rungs.aws.cloudformation.iam_role_trust_not_public as policy

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
	res("AWS::IAM::Role", "Service", {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}),
	res("AWS::IAM::Role", "Conditioned", {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-123"}}}]}}),
	res("AWS::IAM::Role", "Anyone", {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}}),
	res("AWS::IAM::Role", "Maybe", {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "${Trusted}"}, "Action": "sts:AssumeRole"}]}}),
])

passing := doc([
	res("AWS::IAM::Role", "Service", {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}}),
	res("AWS::IAM::Role", "Conditioned", {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole", "Condition": {"StringEquals": {"aws:PrincipalOrgID": "o-123"}}}]}}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Anyone"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
