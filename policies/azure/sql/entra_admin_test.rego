package rungs.azure.sql.entra_admin_test

import rego.v1

import data.rungs.azure.sql.entra_admin as policy

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

server(cfg) := res("azurerm_mssql_server", "main", object.union({"name": "sql-prod", "version": "12.0"}, cfg))

test_no_admin_denied if {
	addresses(policy.deny) == {"azurerm_mssql_server.main"} with input as doc([server({"administrator_login": "sqladmin"})])
}

test_inline_admin_passes if {
	count(policy.deny) == 0 with input as doc([server({"azuread_administrator": [{"login_username": "sql-admins", "object_id": "${azuread_group.sql.object_id}"}]})])
}

test_separate_admin_passes if {
	admin := res("azurerm_sql_active_directory_administrator", "main", {"server_name": "${azurerm_mssql_server.main.name}", "login": "sql-admins"})
	count(policy.deny) == 0 with input as doc([server({}), admin])
	by_name := res("azurerm_sql_active_directory_administrator", "main", {"server_name": "sql-prod", "login": "sql-admins"})
	count(policy.deny) == 0 with input as doc([server({}), by_name])
}

test_admin_of_other_server_denied if {
	other := res("azurerm_mssql_server", "other", {"name": "sql-other"})
	admin := res("azurerm_sql_active_directory_administrator", "other", {"server_name": "${azurerm_mssql_server.other.name}"})
	addresses(policy.deny) == {"azurerm_mssql_server.main", "azurerm_mssql_server.other"} - {"azurerm_mssql_server.other"} with input as doc([server({}), other, admin])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([server({"azuread_administrator": "${var.admin}"})])
	admin := res("azurerm_sql_active_directory_administrator", "x", {"server_name": "${var.server_name}"})
	count(policy.deny) == 0 with input as doc([server({}), admin])
}
