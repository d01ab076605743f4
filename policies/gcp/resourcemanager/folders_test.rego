package rungs.gcp.resourcemanager.folders_test

import rego.v1

import data.rungs.gcp.resourcemanager.folders as policy

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

test_folder_present if {
	policy.present with input as doc([res("google_folder", "prod", {"display_name": "prod", "parent": "organizations/1"})])
}

test_projects_only_not_present if {
	not policy.present with input as doc([res("google_project", "app", {"name": "app", "org_id": "1"})])
}

test_unknown_parent_counts_as_present if {
	policy.present with input as doc([res("google_folder", "prod", {"display_name": "${var.name}", "parent": "${var.parent}"})])
}
