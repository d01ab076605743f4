package rungs.gcp.dlp.discovery_test

import rego.v1

import data.rungs.gcp.dlp.discovery as policy

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

test_discovery_config_is_present if {
	policy.present with input as doc([res("google_data_loss_prevention_discovery_config", "org", {"status": "RUNNING"})])
}

test_job_trigger_is_present if {
	policy.present with input as doc([res("google_data_loss_prevention_job_trigger", "scan", {})])
}

test_paused_discovery_is_not_present if {
	not policy.present with input as doc([res("google_data_loss_prevention_discovery_config", "org", {"status": "PAUSED"})])
}

test_unknown_status_counts_in_favour if {
	policy.present with input as doc([res("google_data_loss_prevention_discovery_config", "org", {"status": "${var.status}"})])
}
