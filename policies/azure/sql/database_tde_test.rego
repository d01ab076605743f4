package rungs.azure.sql.database_tde_test

import rego.v1

import data.rungs.azure.sql.database_tde as policy

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

db(cfg) := res("azurerm_mssql_database", "app", object.union({"name": "app", "server_id": "${azurerm_mssql_server.main.id}"}, cfg))

test_tde_off_denied if {
	addresses(policy.deny) == {"azurerm_mssql_database.app"} with input as doc([db({"transparent_data_encryption_enabled": false})])
}

test_default_and_on_pass if {
	count(policy.deny) == 0 with input as doc([db({})])
	count(policy.deny) == 0 with input as doc([db({"transparent_data_encryption_enabled": true})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([db({"transparent_data_encryption_enabled": "${var.tde}"})])
}
