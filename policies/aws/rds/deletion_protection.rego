# METADATA
# title: RDS databases have deletion protection
# description: >-
#   Every RDS DB instance and Aurora cluster sets deletion_protection = true,
#   so that neither a mistaken apply nor a console click can delete it. Read
#   replicas are not judged.
# custom:
#   id: RUNGS-AWS-RDS-004
#   severity: medium
#   kind: resource
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   controls: [DAT-3.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Turn deletion protection on:
#       resource "aws_rds_cluster" "app" {
#         # ...
#         deletion_protection = true
#       }
package rungs.aws.rds.deletion_protection

import rego.v1

import data.rungs.lib

replica(r) if lib.is_set(lib.attr(r, "replicate_source_db", null))

deny contains finding if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in lib.resources(t)
	not replica(db)
	# The provider default is false.
	lib.falsy(lib.attr(db, "deletion_protection", false))
	finding := lib.finding(db, "Database has no deletion protection (deletion_protection)")
}

# Resources whose deletion_protection is unknown at scan time are reported as not judged, never as passed.
unknown := lib.unknown_argument(["aws_db_instance", "aws_rds_cluster"], "deletion_protection")
