package rungs.azure.sql.threat_detection_test

import rego.v1

import data.rungs.azure.sql.threat_detection as policy

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

server := res("azurerm_mssql_server", "main", {"name": "sql-prod"})

db(cfg) := res("azurerm_mssql_database", "app", object.union({"name": "app", "server_id": "${azurerm_mssql_server.main.id}"}, cfg))

test_no_detection_denied if {
	addresses(policy.deny) == {"azurerm_mssql_database.app"} with input as doc([server, db({})])
	count(policy.deny) == 1 with input as doc([server, db({"threat_detection_policy": [{"state": "Disabled"}]})])
}

test_database_policy_passes if {
	count(policy.deny) == 0 with input as doc([server, db({"threat_detection_policy": [{"state": "Enabled"}]})])
}

test_server_alert_policy_passes if {
	alert := res("azurerm_mssql_server_security_alert_policy", "main", {"server_name": "${azurerm_mssql_server.main.name}", "state": "Enabled"})
	count(policy.deny) == 0 with input as doc([server, db({}), alert])
}

test_alert_policy_of_other_server_denied if {
	other := res("azurerm_mssql_server", "other", {"name": "sql-other"})
	alert := res("azurerm_mssql_server_security_alert_policy", "other", {"server_name": "${azurerm_mssql_server.other.name}", "state": "Enabled"})
	count(policy.deny) == 1 with input as doc([server, other, db({}), alert])
}

test_defender_for_sql_passes if {
	plan := res("azurerm_security_center_subscription_pricing", "sql", {"tier": "Standard", "resource_type": "SqlServers"})
	count(policy.deny) == 0 with input as doc([server, db({}), plan])
	vms := res("azurerm_security_center_subscription_pricing", "vms", {"tier": "Standard"})
	count(policy.deny) == 1 with input as doc([server, db({}), vms])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([server, db({"threat_detection_policy": [{"state": "${var.state}"}]})])
	plan := res("azurerm_security_center_subscription_pricing", "x", {"tier": "${var.tier}", "resource_type": "SqlServers"})
	count(policy.deny) == 0 with input as doc([server, db({}), plan])
}
