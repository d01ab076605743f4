# METADATA
# title: ElastiCache replication groups authenticate clients
# description: >-
#   ElastiCache replication groups require authentication: an auth_token (Redis
#   AUTH) or user groups (RBAC with user_group_ids). Without either, any client
#   that reaches the endpoint can read and write every key.
# custom:
#   id: RUNGS-AWS-ELASTICACHE-003
#   severity: high
#   kind: resource
#   resource_types: [aws_elasticache_replication_group]
#   controls: [IAM-2.3]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Attach a user group (RBAC; IAM authentication is possible for its users) or an AUTH token:
#       resource "aws_elasticache_replication_group" "cache" {
#         # ...
#         transit_encryption_enabled = true
#         user_group_ids             = [aws_elasticache_user_group.app.id]
#       }
package rungs.aws.elasticache.authentication

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

# A token given by reference to a resource (random_password, a secret version)
# is set; one from a variable or a module output may be null.
authenticated(r) if lib.is_nonempty_string(lib.attr(r, "auth_token", null))

authenticated(r) if checks.resource_reference(lib.attr(r, "auth_token", null))

authenticated(r) if {
	ids := lib.attr(r, "user_group_ids", [])
	is_array(ids)
	count(ids) > 0
}

# What the scan cannot know decides nothing: the group is not judged, never passed.
undecided(r) if lib.is_unknown(lib.attr(r, "auth_token", null))

undecided(r) if lib.is_unknown(lib.attr(r, "user_group_ids", null))

deny contains finding if {
	some r in lib.resources("aws_elasticache_replication_group")
	not authenticated(r)
	not undecided(r)
	finding := lib.finding(r, "ElastiCache replication group accepts clients without authentication (no auth_token or user_group_ids)")
}

unknown contains finding if {
	some r in lib.resources("aws_elasticache_replication_group")
	not authenticated(r)
	undecided(r)
	finding := lib.finding(r, "auth_token or user_group_ids is unknown at scan time")
}
