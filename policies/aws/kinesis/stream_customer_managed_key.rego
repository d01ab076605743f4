# METADATA
# title: Kinesis data streams are encrypted with a customer-managed key
# description: >-
#   Kinesis data streams encrypt with a customer-managed KMS key (kms_key_id
#   other than alias/aws/kinesis).
# custom:
#   id: RUNGS-AWS-KINESIS-002
#   severity: low
#   kind: resource
#   resource_types: [aws_kinesis_stream]
#   controls: [DAT-3.3]
#   frameworks:
#     checkov: ["CKV_AWS_185"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Name your key:
#       resource "aws_kinesis_stream" "events" {
#         # ...
#         encryption_type = "KMS"
#         kms_key_id      = aws_kms_key.events.arn
#       }
package rungs.aws.kinesis.stream_customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_kinesis_stream"]

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
	finding := lib.finding(r, "Kinesis data stream is not encrypted with a customer-managed KMS key (kms_key_id)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "kms_key_id is unknown at scan time")
}
