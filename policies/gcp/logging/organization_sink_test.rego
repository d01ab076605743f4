package rungs.gcp.logging.organization_sink_test

import rego.v1

import data.rungs.gcp.logging.organization_sink as policy

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

sink(cfg) := res("google_logging_organization_sink", "audit", object.union({"name": "audit", "org_id": "1", "destination": "storage.googleapis.com/acme-audit"}, cfg))

test_include_children_present if {
	policy.present with input as doc([sink({"include_children": true})])
}

test_without_children_not_present if {
	not policy.present with input as doc([sink({})])
	not policy.present with input as doc([sink({"include_children": false})])
}

test_disabled_not_present if {
	not policy.present with input as doc([sink({"include_children": true, "disabled": true})])
}

test_project_sink_not_present if {
	not policy.present with input as doc([res("google_logging_project_sink", "p", {"name": "p", "destination": "x"})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([sink({"include_children": "${var.include_children}"})])
}
