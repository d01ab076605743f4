package rungs.azure.postgresql.public_network_access_test

import rego.v1

import data.rungs.azure.postgresql.public_network_access as policy

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

server(cfg) := res("azurerm_postgresql_flexible_server", "main", object.union({"name": "psql-prod", "version": "16"}, cfg))

test_default_public_denied if {
	addresses(policy.deny) == {"azurerm_postgresql_flexible_server.main"} with input as doc([server({})])
	count(policy.deny) == 1 with input as doc([server({"public_network_access_enabled": true})])
}

test_private_passes if {
	count(policy.deny) == 0 with input as doc([server({"delegated_subnet_id": "${azurerm_subnet.postgres.id}", "private_dns_zone_id": "${azurerm_private_dns_zone.pg.id}"})])
	count(policy.deny) == 0 with input as doc([server({"public_network_access_enabled": false})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([server({"public_network_access_enabled": "${var.public}"})])
	count(policy.deny) == 0 with input as doc([server({"delegated_subnet_id": "${var.subnet_id}"})])
}
