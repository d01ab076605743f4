package rungs.aws.kms.key_rotation_test

import rego.v1

import data.rungs.aws.kms.key_rotation as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "aws", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

type_key(x) := concat(".", ["data", x.type]) if x.mode == "data"

type_key(x) := x.type if x.mode != "data"

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; type_key(x) == k] | some y in rs; k := type_key(y)},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

key(cfg) := res("aws_kms_key", "data", object.union({"description": "data"}, cfg))

test_default_denied if {
	findings := policy.deny with input as doc([key({})])
	addresses(findings) == {"aws_kms_key.data"}
}

test_disabled_denied if {
	findings := policy.deny with input as doc([key({"enable_key_rotation": false})])
	count(findings) == 1
}

test_enabled_passes if {
	findings := policy.deny with input as doc([key({"enable_key_rotation": true})])
	count(findings) == 0
}

test_asymmetric_not_judged if {
	findings := policy.deny with input as doc([key({"customer_master_key_spec": "RSA_2048", "key_usage": "SIGN_VERIFY"})])
	count(findings) == 0
}

test_hmac_not_judged if {
	findings := policy.deny with input as doc([key({"key_spec": "HMAC_256", "key_usage": "GENERATE_VERIFY_MAC"})])
	count(findings) == 0
}

test_unknown_rotation_no_finding if {
	findings := policy.deny with input as doc([key({"enable_key_rotation": "${var.rotate}"})])
	count(findings) == 0
}

test_unknown_spec_no_finding if {
	findings := policy.deny with input as doc([key({"key_spec": "${var.spec}"})])
	count(findings) == 0
}

test_unknown_enable_key_rotation_is_not_judged if {
	inp := doc([res("aws_kms_key", "x", {"enable_key_rotation": "${var.x}"})])
	policy.unknown == {{"resource": "aws_kms_key.x", "message": "enable_key_rotation is unknown at scan time"}} with input as inp
	count(policy.deny) == 0 with input as inp
}
