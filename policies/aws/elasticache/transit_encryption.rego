# METADATA
# title: ElastiCache replication groups encrypt connections
# description: >-
#   ElastiCache replication groups set transit_encryption_enabled = true, so
#   that clients and replicas talk over TLS. The provider default is false.
# custom:
#   id: RUNGS-AWS-ELASTICACHE-002
#   severity: high
#   kind: resource
#   resource_types: [aws_elasticache_replication_group]
#   controls: [DAT-2.3]
#   frameworks:
#     checkov: ["CKV_AWS_30"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Require TLS:
#       resource "aws_elasticache_replication_group" "cache" {
#         # ...
#         transit_encryption_enabled = true
#       }
package rungs.aws.elasticache.transit_encryption

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_elasticache_replication_group"]

path := ["transit_encryption_enabled"]

# The provider default for transit_encryption_enabled is false: a missing argument is a finding.
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
	finding := lib.finding(r, "ElastiCache replication group does not encrypt connections (transit_encryption_enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "transit_encryption_enabled is unknown at scan time")
}
