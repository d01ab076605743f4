package rungs.azure.sql.min_tls_test

import rego.v1

import data.rungs.azure.sql.min_tls as policy

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

test_old_tls_denied if {
	addresses(policy.deny) == {"azurerm_mssql_server.main"} with input as doc([server({"minimum_tls_version": "1.0"})])
	count(policy.deny) == 1 with input as doc([server({"minimum_tls_version": "1.1"})])
	count(policy.deny) == 1 with input as doc([server({"minimum_tls_version": "Disabled"})])
}

test_tls12_and_default_pass if {
	count(policy.deny) == 0 with input as doc([server({"minimum_tls_version": "1.2"})])
	count(policy.deny) == 0 with input as doc([server({})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([server({"minimum_tls_version": "${var.tls}"})])
}
