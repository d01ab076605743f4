# METADATA
# title: Azure SQL servers do not accept connections from public networks
# description: >-
#   Every azurerm_mssql_server disables public network access
#   (public_network_access_enabled = false) and is reached through private
#   endpoints, so that its databases are not exposed to the internet and a
#   single firewall rule mistake cannot open them.
# custom:
#   id: RUNGS-AZURE-SQL-001
#   severity: high
#   kind: resource
#   resource_types: [azurerm_mssql_server]
#   controls: [DAT-1.2, NET-3.2]
#   frameworks:
#     cis-azure-foundations-3.0: ["5.1.7"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Disable public network access and connect through a private endpoint:
#       resource "azurerm_mssql_server" "main" {
#         # ...
#         public_network_access_enabled = false
#       }
#       resource "azurerm_private_endpoint" "sql" {
#         name                = "pe-sql-prod"
#         location            = azurerm_resource_group.data.location
#         resource_group_name = azurerm_resource_group.data.name
#         subnet_id           = azurerm_subnet.data.id
#         private_service_connection {
#           name                           = "sql"
#           private_connection_resource_id = azurerm_mssql_server.main.id
#           subresource_names              = ["sqlServer"]
#           is_manual_connection           = false
#         }
#       }
package rungs.azure.sql.public_network_access

import rego.v1

import data.rungs.lib

deny contains finding if {
	some s in lib.resources("azurerm_mssql_server")
	# public_network_access_enabled defaults to true.
	lib.truthy(lib.attr(s, "public_network_access_enabled", true))
	finding := lib.finding(s, "Public network access is enabled (explicitly or by default)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_mssql_server"], ["public_network_access_enabled"])
}
