package rungs.gcp.gke.control_plane_not_public_test

import rego.v1

import data.rungs.gcp.gke.control_plane_not_public as policy

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

test_public_without_authorized_networks_denied if {
	findings := policy.deny with input as doc([cluster({"private_cluster_config": [{"enable_private_nodes": true}]})])
	addresses(findings) == {"google_container_cluster.main"}
}

test_open_authorized_network_denied if {
	findings := policy.deny with input as doc([cluster({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "0.0.0.0/0", "display_name": "all"}]}]})])
	count(findings) == 1
}

test_private_endpoint_passes if {
	findings := policy.deny with input as doc([cluster({"private_cluster_config": [{"enable_private_nodes": true, "enable_private_endpoint": true}]})])
	count(findings) == 0
}

test_ip_endpoint_disabled_passes if {
	findings := policy.deny with input as doc([cluster({"control_plane_endpoints_config": [{"ip_endpoints_config": [{"enabled": false}], "dns_endpoint_config": [{"allow_external_traffic": true}]}]})])
	count(findings) == 0
}

test_restricted_authorized_networks_pass if {
	findings := policy.deny with input as doc([
		cluster({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "10.0.0.0/8"}]}]}),
		res("google_container_cluster", "b", {"master_authorized_networks_config": [{}]}),
	])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		cluster({"private_cluster_config": [{"enable_private_endpoint": "${var.private_endpoint}"}]}),
		cluster({"master_authorized_networks_config": [{"cidr_blocks": [{"cidr_block": "${var.admin_cidr}"}]}]}),
		cluster({"master_authorized_networks_config": "${local.authorized_networks}"}),
	])
	count(findings) == 0
}
