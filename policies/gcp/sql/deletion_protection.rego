# METADATA
# title: Cloud SQL instances are protected from deletion
# description: >-
#   No google_sql_database_instance turns Terraform's deletion_protection off.
#   The provider default (true) makes a plan that would destroy the instance,
#   and its data with it, fail until someone consciously removes the
#   protection. settings.deletion_protection_enabled also guards against
#   deletion from the console or API.
# custom:
#   id: RUNGS-GCP-SQL-004
#   severity: medium
#   kind: resource
#   resource_types: [google_sql_database_instance]
#   controls: [DAT-3.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Keep both protections on:
#       resource "google_sql_database_instance" "main" {
#         # ...
#         deletion_protection = true
#         settings {
#           tier                        = "db-custom-2-7680"
#           deletion_protection_enabled = true
#         }
#       }
package rungs.gcp.sql.deletion_protection

import rego.v1

import data.rungs.lib

deny contains finding if {
	some db in lib.resources("google_sql_database_instance")
	# The provider default is true.
	lib.falsy(lib.attr(db, "deletion_protection", true))
	finding := lib.finding(db, "deletion_protection is false: a plan can destroy the instance and its data")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_sql_database_instance"], ["deletion_protection"])
}
