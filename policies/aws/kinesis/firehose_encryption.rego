# METADATA
# title: Firehose delivery streams are encrypted at rest
# description: >-
#   Firehose delivery streams that receive records directly set
#   server_side_encryption { enabled = true }. The provider default is off.
#   Streams reading from a Kinesis data stream are not judged: the source stream
#   holds the data and Firehose does not accept the setting.
# custom:
#   id: RUNGS-AWS-KINESIS-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_kinesis_firehose_delivery_stream]
#   controls: [DAT-2.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the stream:
#       resource "aws_kinesis_firehose_delivery_stream" "events" {
#         # ...
#         server_side_encryption {
#           enabled  = true
#           key_type = "CUSTOMER_MANAGED_CMK"
#           key_arn  = aws_kms_key.events.arn
#         }
#       }
package rungs.aws.kinesis.firehose_encryption

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_kinesis_firehose_delivery_stream"]

path := ["server_side_encryption", "enabled"]

# Server-side encryption is off when the block or its argument is missing.
value(r) := checks.setting(r, path, false)

good(v) if lib.truthy(v)

# Direct PUT streams only: a Kinesis source stream holds the data itself.
applies(r) if count(lib.blocks(r, "kinesis_source_configuration")) == 0

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Firehose delivery stream is not encrypted at rest (server_side_encryption.enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	undecided(r)
	finding := lib.finding(r, "server_side_encryption.enabled is unknown at scan time")
}
