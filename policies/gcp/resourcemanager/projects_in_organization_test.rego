package rungs.gcp.resourcemanager.projects_in_organization_test

import rego.v1

import data.rungs.gcp.resourcemanager.projects_in_organization as policy

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

test_project_under_folder_present if {
	policy.present with input as doc([res("google_project", "app", {"name": "app", "folder_id": "${google_folder.prod.name}"})])
}

test_project_under_org_present if {
	policy.present with input as doc([res("google_project", "app", {"name": "app", "org_id": "123456789012"})])
}

test_project_without_parent_not_present if {
	not policy.present with input as doc([res("google_project", "app", {"name": "app", "project_id": "app"})])
	not policy.present with input as doc([res("google_project", "app", {"name": "app", "org_id": ""})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([res("google_project", "app", {"name": "app", "org_id": "${var.org_id}"})])
}
