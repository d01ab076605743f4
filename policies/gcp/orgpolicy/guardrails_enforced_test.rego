package rungs.gcp.orgpolicy.guardrails_enforced_test

import rego.v1

import data.rungs.gcp.orgpolicy.guardrails_enforced as policy

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

op(name, parent, rules) := res("google_org_policy_policy", name, {"name": concat("", [parent, "/policies/iam.disableServiceAccountKeyCreation"]), "parent": parent, "spec": [{"rules": rules}]})

test_org_level_enforced_present if {
	policy.present with input as doc([op("keys", "organizations/1", [{"enforce": "TRUE"}])])
}

test_folder_v1_policy_present if {
	p := res("google_folder_organization_policy", "f", {"folder": "folders/2", "constraint": "constraints/compute.requireOsLogin", "boolean_policy": [{"enforced": true}]})
	policy.present with input as doc([p])
}

test_project_level_not_present if {
	not policy.present with input as doc([op("keys", "projects/acme-prod", [{"enforce": "TRUE"}])])
}

test_not_enforced_not_present if {
	not policy.present with input as doc([op("keys", "organizations/1", [{"enforce": "FALSE"}])])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([op("keys", "organizations/1", [{"enforce": "${var.enforce}"}])])
	policy.present with input as doc([op("keys", "${var.parent}", [{"enforce": "TRUE"}])])
}
