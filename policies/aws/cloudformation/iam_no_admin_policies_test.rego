package rungs.aws.cloudformation.iam_no_admin_policies_test

import rego.v1

import data.rungs.aws.cloudformation.iam_no_admin_policies as policy

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

admin := {"Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}]}

scoped := {"Statement": {"Effect": "Allow", "Action": ["s3:GetObject"], "Resource": "*"}}

test_admin_documents_denied_wherever_they_sit if {
	d := doc([
		res("AWS::IAM::ManagedPolicy", "Admin", {"PolicyDocument": admin}),
		res("AWS::IAM::Role", "Deployer", {"Policies": [{"PolicyName": "all", "PolicyDocument": admin}]}),
		res("AWS::IAM::Policy", "Reader", {"PolicyDocument": scoped}),
		res("AWS::IAM::Role", "Plain", {"AssumeRolePolicyDocument": admin}),
	])
	addresses(policy.deny) == {"Admin", "Deployer"} with input as d
}

test_deny_statements_and_listed_wildcards if {
	d := doc([
		res("AWS::IAM::Policy", "Guard", {"PolicyDocument": {"Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*"}]}}),
		res("AWS::IAM::Policy", "Listed", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": ["s3:*", "*"], "Resource": ["*"]}]}}),
	])
	addresses(policy.deny) == {"Listed"} with input as d
}

test_unknown_document_is_unknown if {
	d := doc([
		res("AWS::IAM::ManagedPolicy", "Doc", {"PolicyDocument": "${Fn::If Admin}"}),
		res("AWS::IAM::Role", "Inline", {"Policies": "${Fn::If Extra}"}),
		res("AWS::IAM::Policy", "Action", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "${ActionParam}", "Resource": "*"}]}}),
		res("AWS::IAM::Policy", "Narrow", {"PolicyDocument": {"Statement": [{"Effect": "Allow", "Action": "${ActionParam}", "Resource": "arn:aws:s3:::b/*"}]}}),
	])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"Doc", "Inline", "Action"} with input as d
}
