package rungs.azure.storage.network_restricted_test

import rego.v1

import data.rungs.azure.storage.network_restricted as policy

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

test_default_open_denied if {
	addresses(policy.deny) == {"azurerm_storage_account.data"} with input as doc([sa({})])
}

test_inline_allow_denied if {
	count(policy.deny) == 1 with input as doc([sa({"network_rules": [{"default_action": "Allow"}]})])
}

test_public_access_disabled_passes if {
	count(policy.deny) == 0 with input as doc([sa({"public_network_access_enabled": false})])
}

test_inline_deny_passes if {
	count(policy.deny) == 0 with input as doc([sa({"network_rules": [{"default_action": "Deny", "ip_rules": ["203.0.113.0/24"]}]})])
}

test_companion_deny_passes if {
	rules := res("azurerm_storage_account_network_rules", "data", {"storage_account_id": "${azurerm_storage_account.data.id}", "default_action": "Deny"})
	count(policy.deny) == 0 with input as doc([sa({}), rules])
}

test_companion_allow_denied if {
	rules := res("azurerm_storage_account_network_rules", "data", {"storage_account_id": "${azurerm_storage_account.data.id}", "default_action": "Allow"})
	count(policy.deny) == 1 with input as doc([sa({}), rules])
}

test_companion_for_another_account_denied if {
	other := res("azurerm_storage_account", "other", {"name": "stother", "public_network_access_enabled": false})
	rules := res("azurerm_storage_account_network_rules", "other", {"storage_account_id": "${azurerm_storage_account.other.id}", "default_action": "Deny"})
	addresses(policy.deny) == {"azurerm_storage_account.data"} with input as doc([sa({}), other, rules])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([sa({"public_network_access_enabled": "${var.public}"})])
	count(policy.deny) == 0 with input as doc([sa({"network_rules": [{"default_action": "${var.default_action}"}]})])
	rules := res("azurerm_storage_account_network_rules", "x", {"storage_account_id": "${var.account_id}", "default_action": "Deny"})
	count(policy.deny) == 0 with input as doc([sa({}), rules])
}
