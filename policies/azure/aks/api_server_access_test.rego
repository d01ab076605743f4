package rungs.azure.aks.api_server_access_test

import rego.v1

import data.rungs.azure.aks.api_server_access as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "azurerm", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "azurerm", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

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

aks(cfg) := res("azurerm_kubernetes_cluster", "main", object.union({"name": "aks-prod", "dns_prefix": "aks-prod"}, cfg))

test_public_without_ranges_denied if {
	addresses(policy.deny) == {"azurerm_kubernetes_cluster.main"} with input as doc([aks({})])
	count(policy.deny) == 1 with input as doc([aks({"api_server_access_profile": [{"authorized_ip_ranges": []}]})])
}

test_open_range_denied if {
	findings := policy.deny with input as doc([aks({"api_server_access_profile": [{"authorized_ip_ranges": ["10.0.0.0/8", "0.0.0.0/0"]}]})])
	count(findings) == 1
	some f in findings
	contains(f.message, "0.0.0.0/0")
}

test_private_or_restricted_passes if {
	count(policy.deny) == 0 with input as doc([aks({"private_cluster_enabled": true})])
	count(policy.deny) == 0 with input as doc([aks({"api_server_access_profile": [{"authorized_ip_ranges": ["203.0.113.0/24"]}]})])
	count(policy.deny) == 0 with input as doc([aks({"api_server_authorized_ip_ranges": ["203.0.113.0/24"]})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([aks({"private_cluster_enabled": "${var.private}"})])
	count(policy.deny) == 0 with input as doc([aks({"api_server_access_profile": [{"authorized_ip_ranges": "${var.ranges}"}]})])
	count(policy.deny) == 0 with input as doc([aks({"api_server_access_profile": [{"authorized_ip_ranges": ["${var.office_cidr}"]}]})])
}
