package rungs.azure.keyvault.rbac_authorization_test

import rego.v1

import data.rungs.azure.keyvault.rbac_authorization as policy

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

kv(cfg) := res("azurerm_key_vault", "platform", object.union({"name": "kv-platform"}, cfg))

test_access_policies_denied if {
	addresses(policy.deny) == {"azurerm_key_vault.platform"} with input as doc([kv({})])
	count(policy.deny) == 1 with input as doc([kv({"enable_rbac_authorization": false})])
}

test_rbac_passes if {
	count(policy.deny) == 0 with input as doc([kv({"enable_rbac_authorization": true})])
	count(policy.deny) == 0 with input as doc([kv({"rbac_authorization_enabled": true})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([kv({"enable_rbac_authorization": "${var.rbac}"})])
}
