package rungs.aws.cloudformation.iam_no_service_wildcards_test

import rego.v1

import data.rungs.aws.cloudformation.iam_no_service_wildcards as policy

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
	res("AWS::IAM::ManagedPolicy", "Scoped", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]}}),
	res("AWS::IAM::Role", "BucketAdmin", {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}, "Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::data/*"}]}}]}),
	res("AWS::IAM::Role", "S3Everything", {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}, "Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": {"Effect": "Allow", "Action": ["s3:*"], "Resource": "*"}}}]}),
	res("AWS::IAM::Policy", "IamEverything", {"PolicyName": "p", "Roles": ["r"], "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "iam:*", "Resource": ["*"]}]}}),
	res("AWS::IAM::Group", "Maybe", {"Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "${Actions}", "Resource": "*"}]}}]}),
])

passing := doc([
	res("AWS::IAM::ManagedPolicy", "Scoped", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}]}}),
	res("AWS::IAM::Role", "BucketAdmin", {"AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}, "Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "arn:aws:s3:::data/*"}]}}]}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"IamEverything", "S3Everything"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
