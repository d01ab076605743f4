package rungs.azure.compute.linux_password_auth_test

import rego.v1

import data.rungs.azure.compute.linux_password_auth as policy

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

test_password_auth_denied if {
	addresses(policy.deny) == {"azurerm_linux_virtual_machine.app"} with input as doc([res("azurerm_linux_virtual_machine", "app", {"disable_password_authentication": false})])
	addresses(policy.deny) == {"azurerm_linux_virtual_machine_scale_set.web"} with input as doc([res("azurerm_linux_virtual_machine_scale_set", "web", {"disable_password_authentication": false})])
}

test_keys_only_passes if {
	count(policy.deny) == 0 with input as doc([res("azurerm_linux_virtual_machine", "app", {})])
	count(policy.deny) == 0 with input as doc([res("azurerm_linux_virtual_machine", "app", {"disable_password_authentication": true})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([res("azurerm_linux_virtual_machine", "app", {"disable_password_authentication": "${var.keys_only}"})])
}
