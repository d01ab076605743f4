# METADATA
# title: Azure SQL firewall rules do not admit the whole internet
# description: >-
#   No azurerm_mssql_firewall_rule (or legacy azurerm_sql_firewall_rule)
#   allows every IPv4 address (start 0.0.0.0, end 255.255.255.255), which
#   exposes the server's login endpoint to password spraying from anywhere.
# custom:
#   id: RUNGS-AZURE-SQL-007
#   severity: critical
#   kind: resource
#   resource_types: [azurerm_mssql_firewall_rule, azurerm_sql_firewall_rule]
#   controls: [DAT-1.2, NET-3.2]
#   frameworks:
#     cis-azure-foundations-3.0: ["5.1.2"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Allow only the addresses that need the server (better: private endpoints
#     and no firewall rule at all):
#       resource "azurerm_mssql_firewall_rule" "office" {
#         name             = "office"
#         server_id        = azurerm_mssql_server.main.id
#         start_ip_address = "203.0.113.0"
#         end_ip_address   = "203.0.113.255"
#       }
package rungs.azure.sql.firewall_not_open

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

deny contains finding if {
	some t in ["azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule"]
	some r in lib.resources(t)
	azure.eq(lib.attr(r, "start_ip_address", null), "0.0.0.0")
	azure.eq(lib.attr(r, "end_ip_address", null), "255.255.255.255")
	finding := lib.finding(r, "The rule admits every IPv4 address (0.0.0.0 - 255.255.255.255)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_mssql_firewall_rule", "azurerm_sql_firewall_rule"], ["start_ip_address", "end_ip_address"])
}
