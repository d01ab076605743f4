package rungs.azure.postgresql.secure_transport_test

import rego.v1

import data.rungs.azure.postgresql.secure_transport as policy

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

test_on_passes if {
	d := doc([res("azurerm_postgresql_flexible_server_configuration", "x", {"name": "require_secure_transport", "value": "ON"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_off_is_denied if {
	d := doc([res("azurerm_postgresql_flexible_server_configuration", "x", {"name": "require_secure_transport", "value": "OFF"})])
	addresses(policy.deny) == {"azurerm_postgresql_flexible_server_configuration.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_off_lower_case_is_denied if {
	d := doc([res("azurerm_postgresql_flexible_server_configuration", "x", {"name": "Require_Secure_Transport", "value": "off"})])
	addresses(policy.deny) == {"azurerm_postgresql_flexible_server_configuration.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_other_parameter_passes if {
	d := doc([res("azurerm_postgresql_flexible_server_configuration", "x", {"name": "log_connections", "value": "off"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_value_is_not_judged if {
	d := doc([res("azurerm_postgresql_flexible_server_configuration", "x", {"name": "require_secure_transport", "value": "${var.tls}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"azurerm_postgresql_flexible_server_configuration.x"} with input as d
}

test_unknown_name_with_off_is_not_judged if {
	d := doc([res("azurerm_postgresql_flexible_server_configuration", "x", {"name": "${each.key}", "value": "off"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"azurerm_postgresql_flexible_server_configuration.x"} with input as d
}

test_unknown_name_with_on_passes if {
	d := doc([res("azurerm_postgresql_flexible_server_configuration", "x", {"name": "${each.key}", "value": "on"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}
