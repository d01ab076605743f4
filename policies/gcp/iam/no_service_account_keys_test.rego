package rungs.gcp.iam.no_service_account_keys_test

import rego.v1

import data.rungs.gcp.iam.no_service_account_keys as policy

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

key(name, extra) := object.union(res("google_service_account_key", name, {"service_account_id": "${google_service_account.ci.name}"}), extra)

test_key_denied if {
	findings := policy.deny with input as doc([key("ci", {})])
	addresses(findings) == {"google_service_account_key.ci"}
}

test_uploaded_public_key_denied if {
	k := res("google_service_account_key", "uploaded", {"service_account_id": "x", "public_key_data": "${filebase64(\"ci.pem\")}"})
	findings := policy.deny with input as doc([k])
	count(findings) == 1
}

test_no_key_passes if {
	sa := res("google_service_account", "ci", {"account_id": "ci"})
	findings := policy.deny with input as doc([sa])
	count(findings) == 0
}

test_unknown_count_no_finding if {
	findings := policy.deny with input as doc([
		key("a", {"count": "${var.create_key ? 1 : 0}"}),
		key("b", {"for_each": "${var.keys}"}),
	])
	count(findings) == 0
}

test_known_count_denied if {
	findings := policy.deny with input as doc([key("a", {"count": 1})])
	count(findings) == 1
}
