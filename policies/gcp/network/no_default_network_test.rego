package rungs.gcp.network.no_default_network_test

import rego.v1

import data.rungs.gcp.network.no_default_network as policy

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

project(cfg) := res("google_project", "app", object.union({"name": "app", "project_id": "acme-app"}, cfg))

test_default_denied if {
	findings := policy.deny with input as doc([project({})])
	addresses(findings) == {"google_project.app"}
}

test_explicit_true_denied if {
	findings := policy.deny with input as doc([project({"auto_create_network": true})])
	count(findings) == 1
}

test_false_passes if {
	findings := policy.deny with input as doc([project({"auto_create_network": false})])
	count(findings) == 0
}

test_org_policy_counts_as_fix if {
	op := res("google_organization_policy", "skip", {"org_id": "1", "constraint": "compute.skipDefaultNetworkCreation", "boolean_policy": [{"enforced": true}]})
	findings := policy.deny with input as doc([project({}), op])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([project({"auto_create_network": "${var.default_network}"})])
	count(findings) == 0
}
