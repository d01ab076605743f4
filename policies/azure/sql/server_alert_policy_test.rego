package rungs.azure.sql.server_alert_policy_test

import rego.v1

import data.rungs.azure.sql.server_alert_policy as policy

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

test_enabled_passes if {
	d := doc([res("azurerm_mssql_server_security_alert_policy", "x", {"state": "Enabled"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_disabled_is_denied if {
	d := doc([res("azurerm_mssql_server_security_alert_policy", "x", {"state": "Disabled"})])
	addresses(policy.deny) == {"azurerm_mssql_server_security_alert_policy.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_state_is_not_judged if {
	d := doc([res("azurerm_mssql_server_security_alert_policy", "x", {"state": "${var.state}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"azurerm_mssql_server_security_alert_policy.x"} with input as d
}
