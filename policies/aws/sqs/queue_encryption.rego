# METADATA
# title: SQS queues are encrypted at rest
# description: >-
#   No SQS queue turns server-side encryption off: it either uses a KMS key
#   (kms_master_key_id) or SQS-managed encryption (sqs_managed_sse_enabled).
#   Since AWS enables SSE-SQS by default for new queues, only an explicit
#   sqs_managed_sse_enabled = false without a KMS key is a finding.
# custom:
#   id: RUNGS-AWS-SQS-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_sqs_queue]
#   controls: [DAT-2.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Keep SSE on, ideally with your own KMS key:
#       resource "aws_sqs_queue" "jobs" {
#         name              = "jobs"
#         kms_master_key_id = aws_kms_key.data.id
#       }
package rungs.aws.sqs.queue_encryption

import rego.v1

import data.rungs.lib

deny contains finding if {
	some q in lib.resources("aws_sqs_queue")
	lib.falsy(lib.attr(q, "sqs_managed_sse_enabled", true))
	not lib.is_set(lib.attr(q, "kms_master_key_id", null))
	finding := lib.finding(q, "SQS queue turns server-side encryption off (sqs_managed_sse_enabled = false and no kms_master_key_id)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_sqs_queue"], ["sqs_managed_sse_enabled"])
}
