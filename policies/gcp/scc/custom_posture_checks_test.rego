package rungs.gcp.scc.custom_posture_checks_test

import rego.v1

import data.rungs.gcp.scc.custom_posture_checks as policy

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

test_enabled_module_is_present if {
	policy.present with input as doc([res("google_scc_management_organization_security_health_analytics_custom_module", "m", {"enablement_state": "ENABLED"})])
}

test_legacy_module_is_present if {
	policy.present with input as doc([res("google_scc_project_custom_module", "m", {"enablement_state": "ENABLED"})])
}

test_disabled_module_is_not_present if {
	not policy.present with input as doc([res("google_scc_folder_custom_module", "m", {"enablement_state": "DISABLED"})])
}
