package rungs.gcp.artifactregistry.container_scanning_test

import rego.v1

import data.rungs.gcp.artifactregistry.container_scanning as policy

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

test_scanning_api_is_present if {
	policy.present with input as doc([res("google_project_service", "scan", {"service": "containerscanning.googleapis.com"})])
}

test_other_api_is_not_present if {
	not policy.present with input as doc([res("google_project_service", "run", {"service": "run.googleapis.com"})])
}

test_unknown_service_counts_in_favour if {
	policy.present with input as doc([res("google_project_service", "x", {"service": "${each.value}"})])
}
