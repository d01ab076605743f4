# METADATA
# title: Azure SQL databases have threat detection
# description: >-
#   Every azurerm_mssql_database is watched for SQL injection, anomalous
#   access and brute force: its threat_detection_policy is enabled, or its
#   server has an enabled azurerm_mssql_server_security_alert_policy, or
#   Microsoft Defender for Azure SQL (a SqlServers plan on the Standard tier)
#   is declared in the same root module.
# custom:
#   id: RUNGS-AZURE-SQL-006
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_mssql_database]
#   controls: [IR-2.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     Enable Microsoft Defender for Azure SQL for the subscription:
#       resource "azurerm_security_center_subscription_pricing" "sql" {
#         tier          = "Standard"
#         resource_type = "SqlServers"
#       }
#     or an alert policy on the server:
#       resource "azurerm_mssql_server_security_alert_policy" "main" {
#         resource_group_name = azurerm_resource_group.data.name
#         server_name         = azurerm_mssql_server.main.name
#         state               = "Enabled"
#       }
package rungs.azure.sql.threat_detection

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

alert_type := "azurerm_mssql_server_security_alert_policy"

# Defender for Azure SQL on the subscription covers every database.
defender_for_sql if {
	some p in lib.resources("azurerm_security_center_subscription_pricing")
	azure.maybe_eq(lib.attr(p, "tier", null), "standard")
	# resource_type defaults to VirtualMachines.
	azure.maybe_eq(lib.attr(p, "resource_type", "VirtualMachines"), "sqlservers")
}

# The database's own policy; state defaults to Disabled.
protected(db) if {
	some t in lib.blocks(db, "threat_detection_policy")
	azure.maybe_eq(azure.get(t, "state", "Disabled"), "enabled")
}

protected(db) if lib.is_unknown(lib.attr(db, "threat_detection_policy", null))

# An enabled alert policy on the database's server.
protected(db) if {
	some s in lib.resources("azurerm_mssql_server")
	lib.designates(lib.attr(db, "server_id", null), s, lib.module_of(db))
	some a in lib.companions(s, alert_type, "server_name")
	azure.maybe_eq(lib.attr(a, "state", null), "enabled")
}

# The database's server cannot be told: any enabled alert policy may be its.
protected(db) if {
	not lib.refers_to_type(lib.attr(db, "server_id", null), "azurerm_mssql_server", lib.module_of(db))
	some a in lib.resources(alert_type)
	azure.maybe_eq(lib.attr(a, "state", null), "enabled")
}

# An alert policy whose server cannot be told may be the database's.
protected(db) if {
	some a in lib.resources(alert_type)
	azure.unresolved(lib.attr(a, "server_name", null))
	azure.maybe_eq(lib.attr(a, "state", null), "enabled")
}

deny contains finding if {
	not defender_for_sql
	some db in lib.resources("azurerm_mssql_database")
	not protected(db)
	finding := lib.finding(db, "No threat detection: no enabled threat_detection_policy, server alert policy or Defender for Azure SQL plan")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_mssql_database"], ["threat_detection_policy", "state"])
}
