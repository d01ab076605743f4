# METADATA
# title: Azure SQL databases keep transparent data encryption on
# description: >-
#   No azurerm_mssql_database turns transparent data encryption off
#   (transparent_data_encryption_enabled = false), so that data files,
#   backups and logs stay encrypted at rest.
# custom:
#   id: RUNGS-AZURE-SQL-005
#   severity: high
#   kind: resource
#   resource_types: [azurerm_mssql_database]
#   controls: [DAT-2.1]
#   frameworks:
#     cis-azure-foundations-3.0: ["5.1.5"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Leave TDE on (the default):
#       resource "azurerm_mssql_database" "app" {
#         # ...
#         transparent_data_encryption_enabled = true
#       }
package rungs.azure.sql.database_tde

import rego.v1

import data.rungs.lib

deny contains finding if {
	some db in lib.resources("azurerm_mssql_database")
	# transparent_data_encryption_enabled defaults to true.
	lib.falsy(lib.attr(db, "transparent_data_encryption_enabled", true))
	finding := lib.finding(db, "Transparent data encryption is turned off")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_mssql_database"], ["transparent_data_encryption_enabled"])
}
