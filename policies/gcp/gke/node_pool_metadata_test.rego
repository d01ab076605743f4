package rungs.gcp.gke.node_pool_metadata_test

import rego.v1

import data.rungs.gcp.gke.node_pool_metadata as policy

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

test_gke_metadata_passes if {
	d := doc([res("google_container_node_pool", "x", {"node_config": [{"workload_metadata_config": [{"mode": "GKE_METADATA"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_block_passes if {
	d := doc([res("google_container_node_pool", "x", {"node_config": [{"machine_type": "e2-standard-4"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_gce_metadata_is_denied if {
	d := doc([res("google_container_node_pool", "x", {"node_config": [{"workload_metadata_config": [{"mode": "GCE_METADATA"}]}]})])
	addresses(policy.deny) == {"google_container_node_pool.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_mode_is_not_judged if {
	d := doc([res("google_container_node_pool", "x", {"node_config": [{"workload_metadata_config": [{"mode": "${var.mode}"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"google_container_node_pool.x"} with input as d
}
