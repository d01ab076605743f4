# METADATA
# title: DynamoDB tables are encrypted with a customer-managed KMS key
# description: >-
#   Every DynamoDB table encrypts its data with a customer-managed KMS key
#   (server_side_encryption { enabled = true, kms_key_arn = ... }). Without the
#   block the table uses an AWS owned key, and with enabled = true but no
#   kms_key_arn the AWS managed key aws/dynamodb: neither can be restricted by
#   a key policy, rotated on your terms or revoked.
# custom:
#   id: RUNGS-AWS-DYNAMODB-002
#   severity: low
#   kind: resource
#   resource_types: [aws_dynamodb_table]
#   controls: [DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the table with your own key:
#       resource "aws_dynamodb_table" "orders" {
#         # ...
#         server_side_encryption {
#           enabled     = true
#           kms_key_arn = aws_kms_key.data.arn
#         }
#       }
package rungs.aws.dynamodb.customer_managed_key

import rego.v1

import data.rungs.lib

# An alias of an AWS managed key ("alias/aws/dynamodb") is not customer-managed.
aws_managed(v) if {
	lib.is_known_string(v)
	contains(v, "alias/aws/")
}

cmk(table) if {
	some b in lib.blocks(table, "server_side_encryption")
	not lib.falsy(object.get(b, "enabled", false))
	k := object.get(b, "kms_key_arn", null)
	lib.is_set(k)
	not aws_managed(k)
}

# The block given as an unknown expression is not judged.
cmk(table) if lib.is_unknown(lib.attr(table, "server_side_encryption", null))

deny contains finding if {
	some table in lib.resources("aws_dynamodb_table")
	not cmk(table)
	finding := lib.finding(table, "DynamoDB table is not encrypted with a customer-managed KMS key (server_side_encryption kms_key_arn)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_dynamodb_table"], ["server_side_encryption", "enabled"])
}
