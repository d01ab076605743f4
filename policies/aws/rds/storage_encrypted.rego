# METADATA
# title: RDS databases are encrypted at rest
# description: >-
#   Every RDS DB instance and Aurora cluster sets storage_encrypted = true.
#   Read replicas, clusters replicating another source and databases restored
#   from a snapshot inherit their encryption and are not judged; Aurora
#   Serverless v1 clusters are always encrypted.
# custom:
#   id: RUNGS-AWS-RDS-001
#   severity: high
#   kind: resource
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   controls: [DAT-2.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["2.2.1"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encryption can only be chosen at creation (or by restoring an encrypted
#     snapshot copy):
#       resource "aws_db_instance" "app" {
#         # ...
#         storage_encrypted = true
#         kms_key_id        = aws_kms_key.rds.arn
#       }
package rungs.aws.rds.storage_encrypted

import rego.v1

import data.rungs.lib

# Encryption is inherited from a source database or snapshot.
inherits(r) if {
	some key in ["replicate_source_db", "replication_source_identifier", "snapshot_identifier"]
	lib.is_set(lib.attr(r, key, null))
}

deny contains finding if {
	some db in lib.resources("aws_db_instance")
	not inherits(db)
	# The provider default is false.
	lib.falsy(lib.attr(db, "storage_encrypted", false))
	finding := lib.finding(db, "RDS instance storage is not encrypted (storage_encrypted)")
}

deny contains finding if {
	some cluster in lib.resources("aws_rds_cluster")
	not inherits(cluster)
	lib.attr(cluster, "engine_mode", "provisioned") != "serverless"
	lib.falsy(lib.attr(cluster, "storage_encrypted", false))
	finding := lib.finding(cluster, "RDS cluster storage is not encrypted (storage_encrypted)")
}

# Resources whose storage_encrypted is unknown at scan time are reported as not judged, never as passed.
unknown := lib.unknown_argument(["aws_db_instance", "aws_rds_cluster"], "storage_encrypted")
