package rungs.gcp.logging.audit_log_sink_test

import rego.v1

import data.rungs.gcp.logging.audit_log_sink as policy

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

sink(filter) := res("google_logging_project_sink", "audit", {"name": "audit", "destination": "storage.googleapis.com/acme-audit", "filter": filter})

test_audit_filter_present if {
	policy.present with input as doc([sink("logName:\"cloudaudit.googleapis.com%2Factivity\"")])
}

test_empty_filter_present if {
	policy.present with input as doc([res("google_logging_folder_sink", "all", {"name": "all", "folder": "folders/1", "destination": "x"})])
}

test_other_filter_not_present if {
	not policy.present with input as doc([sink("resource.type=\"k8s_container\" severity>=ERROR")])
}

test_disabled_not_present if {
	s := res("google_logging_project_sink", "audit", {"name": "audit", "destination": "x", "disabled": true})
	not policy.present with input as doc([s])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([sink("${var.filter}")])
}
