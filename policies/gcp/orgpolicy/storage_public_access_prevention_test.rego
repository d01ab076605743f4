package rungs.gcp.orgpolicy.storage_public_access_prevention_test

import rego.v1

import data.rungs.gcp.orgpolicy.storage_public_access_prevention as policy

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

op(parent, rules) := res("google_org_policy_policy", "p", {"name": concat("", [parent, "/policies/storage.publicAccessPrevention"]), "parent": parent, "spec": [{"rules": rules}]})

test_enforced_at_organization_present if {
	policy.present with input as doc([op("organizations/1", [{"enforce": "TRUE"}])])
}

test_v1_folder_policy_present if {
	p := res("google_folder_organization_policy", "f", {"folder": "folders/2", "constraint": "constraints/storage.publicAccessPrevention", "boolean_policy": [{"enforced": true}]})
	policy.present with input as doc([p])
}

test_project_level_not_present if {
	not policy.present with input as doc([op("projects/acme-prod", [{"enforce": "TRUE"}])])
}

test_other_constraint_not_present if {
	p := res("google_org_policy_policy", "p", {"name": "organizations/1/policies/iam.disableServiceAccountKeyCreation", "parent": "organizations/1", "spec": [{"rules": [{"enforce": "TRUE"}]}]})
	not policy.present with input as doc([p])
}

test_unknown_counts_as_present if {
	p := res("google_org_policy_policy", "p", {"name": "organizations/1/policies/${each.key}", "parent": "organizations/1", "spec": [{"rules": [{"enforce": "TRUE"}]}]})
	policy.present with input as doc([p])
}
