package rungs.aws.cloudformation.kms_key_policy_not_public_test

import rego.v1

import data.rungs.aws.cloudformation.kms_key_policy_not_public as policy

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
	res("AWS::KMS::Key", "Account", {"KeyPolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}}),
	res("AWS::KMS::Key", "DefaultPolicy", {"EnableKeyRotation": true}),
	res("AWS::KMS::Key", "Anyone", {"KeyPolicy": {"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "kms:Decrypt", "Resource": "*"}]}}),
	res("AWS::KMS::Key", "Maybe", {"KeyPolicy": "${Fn::If Shared}"}),
])

passing := doc([
	res("AWS::KMS::Key", "Account", {"KeyPolicy": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"}]}}),
	res("AWS::KMS::Key", "DefaultPolicy", {"EnableKeyRotation": true}),
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
