# METADATA
# title: SNS topics are encrypted at rest
# description: >-
#   Every SNS topic sets a KMS key (kms_master_key_id, for example
#   alias/aws/sns or a customer-managed key), so that messages are encrypted
#   while SNS stores them. Unlike SQS, SNS does not encrypt topics by default.
# custom:
#   id: RUNGS-AWS-SNS-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_sns_topic]
#   controls: [DAT-2.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Set a KMS key on the topic:
#       resource "aws_sns_topic" "alerts" {
#         name              = "alerts"
#         kms_master_key_id = aws_kms_key.alerts.id
#       }
package rungs.aws.sns.topic_encryption

import rego.v1

import data.rungs.lib

deny contains finding if {
	some topic in lib.resources("aws_sns_topic")
	not lib.is_set(lib.attr(topic, "kms_master_key_id", null))
	finding := lib.finding(topic, "SNS topic is not encrypted (kms_master_key_id)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.maybe_unset(["aws_sns_topic"], ["kms_master_key_id"])
}
