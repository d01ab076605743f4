package rungs.azure.sql.firewall_not_open_test

import rego.v1

import data.rungs.azure.sql.firewall_not_open as policy

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

rule(cfg) := res("azurerm_mssql_firewall_rule", "r", object.union({"name": "r", "server_id": "${azurerm_mssql_server.main.id}"}, cfg))

test_whole_internet_denied if {
	addresses(policy.deny) == {"azurerm_mssql_firewall_rule.r"} with input as doc([rule({"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"})])
	legacy := res("azurerm_sql_firewall_rule", "old", {"start_ip_address": "0.0.0.0", "end_ip_address": "255.255.255.255"})
	addresses(policy.deny) == {"azurerm_sql_firewall_rule.old"} with input as doc([legacy])
}

test_narrow_rules_pass if {
	count(policy.deny) == 0 with input as doc([rule({"start_ip_address": "203.0.113.0", "end_ip_address": "203.0.113.255"})])
	count(policy.deny) == 0 with input as doc([rule({"start_ip_address": "0.0.0.0", "end_ip_address": "0.0.0.0"})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([rule({"start_ip_address": "${var.start}", "end_ip_address": "255.255.255.255"})])
}
