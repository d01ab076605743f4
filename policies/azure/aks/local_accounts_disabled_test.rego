package rungs.azure.aks.local_accounts_disabled_test

import rego.v1

import data.rungs.azure.aks.local_accounts_disabled as policy

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

test_default_local_accounts_denied if {
	addresses(policy.deny) == {"azurerm_kubernetes_cluster.main"} with input as doc([aks({})])
	count(policy.deny) == 1 with input as doc([aks({"local_account_disabled": false})])
}

test_disabled_passes if {
	count(policy.deny) == 0 with input as doc([aks({"local_account_disabled": true})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([aks({"local_account_disabled": "${var.disable_local}"})])
}
