package rungs.gcp.compute.backend_cloud_armor_test

import rego.v1

import data.rungs.gcp.compute.backend_cloud_armor as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "google", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

test_policy_reference_passes if {
	d := doc([res("google_compute_backend_service", "x", {"security_policy": "${google_compute_security_policy.web.id}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_policy_is_denied if {
	d := doc([res("google_compute_backend_service", "x", {"protocol": "HTTPS"})])
	addresses(policy.deny) == {"google_compute_backend_service.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_external_managed_without_policy_is_denied if {
	d := doc([res("google_compute_backend_service", "x", {"load_balancing_scheme": "EXTERNAL_MANAGED"})])
	addresses(policy.deny) == {"google_compute_backend_service.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_internal_backend_is_not_judged_here if {
	d := doc([res("google_compute_backend_service", "x", {"load_balancing_scheme": "INTERNAL_MANAGED"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_policy_from_variable_is_not_judged if {
	d := doc([res("google_compute_backend_service", "x", {"security_policy": "${var.armor}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"google_compute_backend_service.x"} with input as d
}

test_unknown_scheme_without_policy_is_not_judged if {
	d := doc([res("google_compute_backend_service", "x", {"load_balancing_scheme": "${var.scheme}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"google_compute_backend_service.x"} with input as d
}
