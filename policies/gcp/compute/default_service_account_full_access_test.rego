package rungs.gcp.compute.default_service_account_full_access_test

import rego.v1

import data.rungs.gcp.compute.default_service_account_full_access as policy

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

vm(sa) := res("google_compute_instance", "vm", {"name": "vm", "machine_type": "e2-small", "service_account": sa})

test_default_account_full_scope_denied if {
	findings := policy.deny with input as doc([vm([{"scopes": ["cloud-platform"]}])])
	addresses(findings) == {"google_compute_instance.vm"}
}

test_default_account_by_email_denied if {
	findings := policy.deny with input as doc([vm([{"email": "123456-compute@developer.gserviceaccount.com", "scopes": ["https://www.googleapis.com/auth/cloud-platform"]}])])
	count(findings) == 1
}

test_own_account_passes if {
	findings := policy.deny with input as doc([vm([{"email": "app@acme-prod.iam.gserviceaccount.com", "scopes": ["cloud-platform"]}])])
	count(findings) == 0
}

test_default_account_limited_scopes_passes if {
	findings := policy.deny with input as doc([vm([{"scopes": ["logging-write", "monitoring-write"]}])])
	count(findings) == 0
}

test_no_service_account_passes if {
	findings := policy.deny with input as doc([res("google_compute_instance", "vm", {"name": "vm"})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		vm([{"email": "${google_service_account.app.email}", "scopes": ["cloud-platform"]}]),
		res("google_compute_instance", "b", {"service_account": [{"scopes": "${var.scopes}"}]}),
	])
	count(findings) == 0
}
