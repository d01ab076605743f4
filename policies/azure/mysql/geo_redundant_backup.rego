# METADATA
# title: MySQL flexible servers keep geo-redundant backups
# description: >-
#   MySQL flexible servers set geo_redundant_backup_enabled = true, so that
#   backups survive the loss of a region. The provider default is false, and it
#   can only be chosen when the server is created.
# custom:
#   id: RUNGS-AZURE-MYSQL-001
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_mysql_flexible_server]
#   controls: [DAT-2.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Geo-redundant backup can only be chosen when the server is created:
#       resource "azurerm_mysql_flexible_server" "main" {
#         # ...
#         backup_retention_days        = 14
#         geo_redundant_backup_enabled = true
#       }
package rungs.azure.mysql.geo_redundant_backup

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["azurerm_mysql_flexible_server"]

path := ["geo_redundant_backup_enabled"]

# The provider default for geo_redundant_backup_enabled is false: a missing argument is a finding.
value(r) := checks.setting(r, path, false)

good(v) if lib.truthy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "MySQL flexible server backups are not geo-redundant (geo_redundant_backup_enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "geo_redundant_backup_enabled is unknown at scan time")
}
