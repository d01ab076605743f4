package rungs.gcp.kms.key_rotation_test

import rego.v1

import data.rungs.gcp.kms.key_rotation as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "google", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "google", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

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

key(cfg) := res("google_kms_crypto_key", "data", object.union({"name": "data", "key_ring": "${google_kms_key_ring.main.id}"}, cfg))

test_no_rotation_denied if {
	findings := policy.deny with input as doc([key({})])
	addresses(findings) == {"google_kms_crypto_key.data"}
}

test_yearly_rotation_denied if {
	findings := policy.deny with input as doc([key({"rotation_period": "31536000s"})])
	count(findings) == 1
}

test_ninety_days_passes if {
	findings := policy.deny with input as doc([key({"rotation_period": "7776000s"}), key({"rotation_period": "2592000s"})])
	count(findings) == 0
}

test_asymmetric_key_not_judged if {
	findings := policy.deny with input as doc([key({"purpose": "ASYMMETRIC_SIGN"})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		key({"rotation_period": "${var.rotation_period}"}),
		key({"purpose": "${var.purpose}"}),
	])
	count(findings) == 0
}
