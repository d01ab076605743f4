# METADATA
# title: ElastiCache replication groups are encrypted with a customer-managed key
# description: >-
#   ElastiCache replication groups name a customer-managed KMS key in
#   kms_key_id; without it data at rest is encrypted with a key owned by AWS.
# custom:
#   id: RUNGS-AWS-ELASTICACHE-004
#   severity: low
#   kind: resource
#   resource_types: [aws_elasticache_replication_group]
#   controls: [DAT-3.3]
#   frameworks:
#     checkov: ["CKV_AWS_191"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Name your key (only possible at creation):
#       resource "aws_elasticache_replication_group" "cache" {
#         # ...
#         at_rest_encryption_enabled = true
#         kms_key_id                 = aws_kms_key.cache.arn
#       }
package rungs.aws.elasticache.customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_elasticache_replication_group"]

path := ["kms_key_id"]

# Without a key the service encrypts with its AWS managed key, which is not customer-managed.
value(r) := checks.setting(r, path, null)

good(v) if checks.kms_key_ref(v)

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
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "ElastiCache replication group is not encrypted with a customer-managed KMS key (kms_key_id)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "kms_key_id is unknown at scan time")
}
