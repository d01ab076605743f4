package rungs.azure.keyvault.recoverable_test

import rego.v1

import data.rungs.azure.keyvault.recoverable as policy

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

test_default_purge_protection_denied if {
	addresses(policy.deny) == {"azurerm_key_vault.platform"} with input as doc([kv({})])
}

test_soft_delete_off_denied if {
	count(policy.deny) == 1 with input as doc([kv({"purge_protection_enabled": true, "soft_delete_enabled": false})])
}

test_short_retention_denied if {
	count(policy.deny) == 1 with input as doc([kv({"purge_protection_enabled": true, "soft_delete_retention_days": 3})])
}

test_recoverable_passes if {
	count(policy.deny) == 0 with input as doc([kv({"purge_protection_enabled": true})])
	count(policy.deny) == 0 with input as doc([kv({"purge_protection_enabled": true, "soft_delete_retention_days": 7})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([kv({"purge_protection_enabled": "${var.purge_protection}", "soft_delete_retention_days": "${var.days}"})])
}
