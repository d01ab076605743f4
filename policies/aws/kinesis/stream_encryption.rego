# METADATA
# title: Kinesis data streams are encrypted at rest
# description: >-
#   Kinesis data streams set encryption_type = "KMS". The provider default is
#   NONE: records are stored unencrypted.
# custom:
#   id: RUNGS-AWS-KINESIS-001
#   severity: high
#   kind: resource
#   resource_types: [aws_kinesis_stream]
#   controls: [DAT-2.1]
#   frameworks:
#     checkov: ["CKV_AWS_43"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the stream:
#       resource "aws_kinesis_stream" "events" {
#         # ...
#         encryption_type = "KMS"
#         kms_key_id      = aws_kms_key.events.arn
#       }
package rungs.aws.kinesis.stream_encryption

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_kinesis_stream"]

path := ["encryption_type"]

# The provider default for encryption_type is NONE: a missing argument is a finding.
value(r) := checks.setting(r, path, "NONE")

good(v) if v == "KMS"

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Kinesis data stream is not encrypted at rest (encryption_type)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "encryption_type is unknown at scan time")
}
