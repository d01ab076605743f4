# METADATA
# title: ElastiCache replication groups are encrypted at rest
# description: >-
#   ElastiCache replication groups set at_rest_encryption_enabled = true. The
#   provider default is false for the redis engine (the default engine) and true
#   for valkey.
# custom:
#   id: RUNGS-AWS-ELASTICACHE-001
#   severity: high
#   kind: resource
#   resource_types: [aws_elasticache_replication_group]
#   controls: [DAT-2.1]
#   frameworks:
#     checkov: ["CKV_AWS_29"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the group at rest (only possible at creation):
#       resource "aws_elasticache_replication_group" "cache" {
#         # ...
#         at_rest_encryption_enabled = true
#         kms_key_id                 = aws_kms_key.cache.arn
#       }
package rungs.aws.elasticache.at_rest_encryption

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_elasticache_replication_group"]

path := ["at_rest_encryption_enabled"]

# The provider default is false for the redis engine (the default engine), true for valkey.
value(r) := checks.setting(r, path, engine_default(r))

engine_default(r) := true if lib.attr(r, "engine", "redis") == "valkey"

else := false

good(v) if lib.truthy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

# Without the argument the default depends on the engine.
undecided(r) if {
	lib.attr(r, "at_rest_encryption_enabled", null) == null
	lib.is_unknown(lib.attr(r, "engine", null))
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "ElastiCache replication group is not encrypted at rest (at_rest_encryption_enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "at_rest_encryption_enabled is unknown at scan time")
}
