# METADATA
# title: DynamoDB tables have point-in-time recovery
# description: >-
#   Every DynamoDB table enables point-in-time recovery
#   (point_in_time_recovery { enabled = true }), so that it can be restored to
#   any second of the recovery window after a bad write or deletion. The
#   provider default is off.
# custom:
#   id: RUNGS-AWS-DYNAMODB-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_dynamodb_table]
#   controls: [DAT-2.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Turn on continuous backups:
#       resource "aws_dynamodb_table" "orders" {
#         # ...
#         point_in_time_recovery {
#           enabled = true
#         }
#       }
package rungs.aws.dynamodb.point_in_time_recovery

import rego.v1

import data.rungs.lib

# No block, or enabled = false (the provider default), is a finding; an unknown
# `enabled`, or the block given as an unknown expression, is not judged.
may_be_on(table) if {
	some b in lib.blocks(table, "point_in_time_recovery")
	not lib.falsy(object.get(b, "enabled", false))
}

may_be_on(table) if lib.is_unknown(lib.attr(table, "point_in_time_recovery", null))

deny contains finding if {
	some table in lib.resources("aws_dynamodb_table")
	not may_be_on(table)
	finding := lib.finding(table, "DynamoDB table has no point-in-time recovery (point_in_time_recovery enabled = true)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_dynamodb_table"], ["point_in_time_recovery", "enabled"])
}
