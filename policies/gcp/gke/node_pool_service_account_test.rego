package rungs.gcp.gke.node_pool_service_account_test

import rego.v1

import data.rungs.gcp.gke.node_pool_service_account as policy

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

test_dedicated_account_passes if {
	d := doc([res("google_container_node_pool", "x", {"node_config": [{"service_account": "${google_service_account.nodes.email}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_account_email_passes if {
	d := doc([res("google_container_node_pool", "x", {"node_config": [{"service_account": "gke-nodes@acme-prod.iam.gserviceaccount.com"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_account_is_denied if {
	d := doc([res("google_container_node_pool", "x", {"node_config": [{"machine_type": "e2-standard-4"}]})])
	addresses(policy.deny) == {"google_container_node_pool.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_node_config_is_denied if {
	d := doc([res("google_container_node_pool", "x", {"node_count": 1})])
	addresses(policy.deny) == {"google_container_node_pool.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_default_keyword_is_denied if {
	d := doc([res("google_container_node_pool", "x", {"node_config": [{"service_account": "default"}]})])
	addresses(policy.deny) == {"google_container_node_pool.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_account_from_variable_is_not_judged if {
	d := doc([res("google_container_node_pool", "x", {"node_config": [{"service_account": "${var.sa}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"google_container_node_pool.x"} with input as d
}
