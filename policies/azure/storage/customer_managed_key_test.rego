package rungs.azure.storage.customer_managed_key_test

import rego.v1

import data.rungs.azure.storage.customer_managed_key as policy

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

sa(cfg) := res("azurerm_storage_account", "data", object.union({"name": "stdata"}, cfg))

test_no_key_denied if {
	addresses(policy.deny) == {"azurerm_storage_account.data"} with input as doc([sa({})])
}

test_inline_key_passes if {
	count(policy.deny) == 0 with input as doc([sa({"customer_managed_key": [{"key_vault_key_id": "${azurerm_key_vault_key.k.versionless_id}", "user_assigned_identity_id": "${azurerm_user_assigned_identity.s.id}"}]})])
}

test_companion_passes if {
	cmk := res("azurerm_storage_account_customer_managed_key", "data", {"storage_account_id": "${azurerm_storage_account.data.id}", "key_name": "k"})
	count(policy.deny) == 0 with input as doc([sa({}), cmk])
}

test_companion_of_other_account_does_not_count if {
	other := res("azurerm_storage_account", "other", {"name": "stother"})
	cmk := res("azurerm_storage_account_customer_managed_key", "other", {"storage_account_id": "${azurerm_storage_account.other.id}", "key_name": "k"})
	addresses(policy.deny) == {"azurerm_storage_account.data"} with input as doc([sa({}), other, cmk])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([sa({"customer_managed_key": "${var.cmk}"})])
	cmk := res("azurerm_storage_account_customer_managed_key", "x", {"storage_account_id": "${var.account_id}"})
	count(policy.deny) == 0 with input as doc([sa({}), cmk])
}
