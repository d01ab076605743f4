package rungs.gcp.gke.shielded_nodes_test

import rego.v1

import data.rungs.gcp.gke.shielded_nodes as policy

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

cluster(cfg) := res("google_container_cluster", "main", object.union({"name": "main", "location": "europe-west1"}, cfg))

test_shielded_nodes_off_denied if {
	findings := policy.deny with input as doc([cluster({"enable_shielded_nodes": false})])
	addresses(findings) == {"google_container_cluster.main"}
}

test_default_passes if {
	findings := policy.deny with input as doc([cluster({}), cluster({"enable_shielded_nodes": true})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([cluster({"enable_shielded_nodes": "${var.shielded}"})])
	count(findings) == 0
}
