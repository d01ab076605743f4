# METADATA
# title: PostgreSQL flexible servers keep geo-redundant backups
# description: >-
#   Every azurerm_postgresql_flexible_server stores its backups in the paired
#   region (geo_redundant_backup_enabled = true) and keeps them at least 7
#   days, so that the database can be restored after the loss of a region or
#   of the server's own backup storage.
# custom:
#   id: RUNGS-AZURE-POSTGRESQL-002
#   severity: low
#   kind: resource
#   resource_types: [azurerm_postgresql_flexible_server]
#   controls: [DAT-2.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Geo-redundant backup can only be chosen when the server is created:
#       resource "azurerm_postgresql_flexible_server" "main" {
#         # ...
#         backup_retention_days        = 14
#         geo_redundant_backup_enabled = true
#       }
package rungs.azure.postgresql.geo_redundant_backup

import rego.v1

import data.rungs.lib

deny contains finding if {
	some s in lib.resources("azurerm_postgresql_flexible_server")
	# geo_redundant_backup_enabled defaults to false.
	lib.falsy(lib.attr(s, "geo_redundant_backup_enabled", false))
	finding := lib.finding(s, "Backups are kept in the server's region only (geo_redundant_backup_enabled is false or left at its default, false)")
}

deny contains finding if {
	some s in lib.resources("azurerm_postgresql_flexible_server")
	# backup_retention_days defaults to 7.
	days := lib.to_num(lib.attr(s, "backup_retention_days", 7))
	days < 7
	finding := lib.finding(s, sprintf("Backups are kept %v days (fewer than 7)", [days]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_postgresql_flexible_server"], ["geo_redundant_backup_enabled", "backup_retention_days"])
}
