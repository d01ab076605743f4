# METADATA
# title: RDS databases are encrypted with a customer-managed key
# description: >-
#   RDS DB instances and Aurora clusters name a customer-managed KMS key in
#   kms_key_id; without it encrypted storage uses the AWS managed key aws/rds,
#   whose snapshots cannot be shared with other accounts. Read replicas and
#   databases restored from a snapshot inherit their key and are not judged.
# custom:
#   id: RUNGS-AWS-RDS-006
#   severity: low
#   kind: resource
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   controls: [DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Name your key (only possible at creation, or by restoring a re-encrypted snapshot copy):
#       resource "aws_db_instance" "app" {
#         # ...
#         storage_encrypted = true
#         kms_key_id        = aws_kms_key.rds.arn
#       }
package rungs.aws.rds.customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_db_instance", "aws_rds_cluster"]

path := ["kms_key_id"]

# Without a key the service encrypts with its AWS managed key, which is not customer-managed.
value(r) := checks.setting(r, path, null)

good(v) if checks.kms_key_ref(v)

# The key is inherited from a source database or snapshot.
applies(r) if not inherits(r)

inherit_keys := ["replicate_source_db", "replication_source_identifier", "snapshot_identifier"]

inherits(r) if {
	some key in inherit_keys
	lib.is_set(lib.attr(r, key, null))
}

# Inherits for sure: a known source, or a reference to a resource attribute
# (never null). An unknown variable may be null: the key may then be the
# database's own.
surely_inherits(r) if {
	some key in inherit_keys
	v := lib.attr(r, key, null)
	lib.is_set(v)
	not maybe_null(v)
}

maybe_null(v) if {
	lib.is_unknown(v)
	not lib.resource_reference(v)
}

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided_blocks(r, path)

# A reference to something other than a key resource (a variable, a module output) may be null.
undecided(r) if {
	v := value(r)
	lib.is_unknown(v)
	not checks.kms_key_ref(v)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "RDS database is not encrypted with a customer-managed KMS key (kms_key_id)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	undecided(r)
	finding := lib.finding(r, "kms_key_id is unknown at scan time")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	inherits(r)
	not surely_inherits(r)
	not good(value(r))
	finding := lib.finding(r, "whether the database inherits its key (replica or snapshot source) is unknown at scan time")
}
