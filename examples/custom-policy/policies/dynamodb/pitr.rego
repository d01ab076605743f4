# METADATA
# title: DynamoDB tables have point-in-time recovery
# description: >-
#   Point-in-time recovery lets you restore a table to any second of the last 35 days,
#   which is what turns an accidental delete or a bad migration into a non-event.
# custom:
#   id: ACME-DDB-001
#   severity: medium
#   resource_types: [aws_dynamodb_table]
#   controls: [DAT-2.2]
#   frameworks:
#     csa-ccm-v4: [BCR-08]
#   remediation: |
#     Enable point-in-time recovery on the table:
#       resource "aws_dynamodb_table" "orders" {
#         # ...
#         point_in_time_recovery {
#           enabled = true
#         }
#       }
package acme.dynamodb.pitr

import rego.v1

import data.rungs.lib

deny contains lib.finding(table, "DynamoDB table has no point-in-time recovery") if {
	some table in lib.resources("aws_dynamodb_table")
	not pitr_may_be_on(table)
}

# A table whose setting is unknown at scan time (a variable without default) is neither
# passed nor failed: naming it here reports it as not judged.
unknown contains lib.finding(table, "point_in_time_recovery.enabled is unknown at scan time") if {
	some table in lib.resources("aws_dynamodb_table")
	some block in lib.blocks(table, "point_in_time_recovery")
	lib.is_unknown(block.enabled)
}

# The provider default is off: no block, or `enabled = false`, is a finding.
pitr_may_be_on(table) if {
	some block in lib.blocks(table, "point_in_time_recovery")
	not lib.is_false(block.enabled)
}
