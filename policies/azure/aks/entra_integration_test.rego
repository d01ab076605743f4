package rungs.azure.aks.entra_integration_test

import rego.v1

import data.rungs.azure.aks.entra_integration as policy

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

test_no_integration_denied if {
	addresses(policy.deny) == {"azurerm_kubernetes_cluster.main"} with input as doc([aks({})])
}

test_integration_passes if {
	count(policy.deny) == 0 with input as doc([aks({"azure_active_directory_role_based_access_control": [{"azure_rbac_enabled": true}]})])
	count(policy.deny) == 0 with input as doc([aks({"role_based_access_control": [{"enabled": true, "azure_active_directory": [{"managed": true}]}]})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([aks({"azure_active_directory_role_based_access_control": "${var.entra}"})])
}
