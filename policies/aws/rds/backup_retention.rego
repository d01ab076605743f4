# METADATA
# title: RDS backups are kept at least 7 days
# description: >-
#   Every RDS DB instance and Aurora cluster keeps automated backups for at
#   least 7 days (backup_retention_period >= 7). When the argument is absent
#   AWS keeps one day. Read replicas are not judged.
# custom:
#   id: RUNGS-AWS-RDS-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   controls: [DAT-2.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Keep at least a week of backups:
#       resource "aws_db_instance" "app" {
#         # ...
#         backup_retention_period = 7
#       }
package rungs.aws.rds.backup_retention

import rego.v1

import data.rungs.lib

replica(r) if lib.is_set(lib.attr(r, "replicate_source_db", null))

short(r) := days if {
	# AWS keeps one day of backups when the argument is absent.
	days := lib.to_num(lib.attr(r, "backup_retention_period", 1))
	days < 7
}

deny contains finding if {
	some t in ["aws_db_instance", "aws_rds_cluster"]
	some db in lib.resources(t)
	not replica(db)
	days := short(db)
	finding := lib.finding(db, sprintf("Automated backups are kept %v day(s), less than 7", [days]))
}

# Resources whose backup_retention_period is unknown at scan time are reported as not judged, never as passed.
unknown := lib.unknown_argument(["aws_db_instance", "aws_rds_cluster"], "backup_retention_period")
