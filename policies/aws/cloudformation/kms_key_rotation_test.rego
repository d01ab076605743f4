package rungs.aws.cloudformation.kms_key_rotation_test

import rego.v1

import data.rungs.aws.cloudformation.kms_key_rotation as policy

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
	res("AWS::KMS::Key", "Rotated", {"EnableKeyRotation": true}),
	res("AWS::KMS::Key", "Signing", {"KeySpec": "ECC_NIST_P256", "KeyUsage": "SIGN_VERIFY"}),
	res("AWS::KMS::Key", "Plain", {}),
	res("AWS::KMS::Key", "Off", {"KeySpec": "SYMMETRIC_DEFAULT", "EnableKeyRotation": false}),
	res("AWS::KMS::Key", "AnySpec", {"KeySpec": "${Spec}", "EnableKeyRotation": false}),
	res("AWS::KMS::Key", "Maybe", {"EnableKeyRotation": "${Fn::If Prod}"}),
])

passing := doc([
	res("AWS::KMS::Key", "Rotated", {"EnableKeyRotation": true}),
	res("AWS::KMS::Key", "Signing", {"KeySpec": "ECC_NIST_P256", "KeyUsage": "SIGN_VERIFY"}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Off", "Plain"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"AnySpec", "Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
