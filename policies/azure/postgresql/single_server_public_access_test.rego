package rungs.azure.postgresql.single_server_public_access_test

import rego.v1

import data.rungs.azure.postgresql.single_server_public_access as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "azurerm", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

test_private_passes if {
	d := doc([res("azurerm_postgresql_server", "x", {"public_network_access_enabled": false})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_argument_is_denied if {
	d := doc([res("azurerm_postgresql_server", "x", {})])
	addresses(policy.deny) == {"azurerm_postgresql_server.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_public_is_denied if {
	d := doc([res("azurerm_postgresql_server", "x", {"public_network_access_enabled": true})])
	addresses(policy.deny) == {"azurerm_postgresql_server.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_setting_is_not_judged if {
	d := doc([res("azurerm_postgresql_server", "x", {"public_network_access_enabled": "${var.public}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"azurerm_postgresql_server.x"} with input as d
}
