# METADATA
# title: SQS queues declare encryption at rest
# description: >-
#   Every SQS queue declares its server-side encryption: a KMS key
#   (kms_master_key_id) or SQS-managed encryption (sqs_managed_sse_enabled =
#   true), as S3 buckets declare theirs (RUNGS-AWS-S3-001). AWS turns SSE-SQS on
#   for queues created since late 2022, but an unset argument leaves older
#   queues unencrypted and the code does not say which a queue is; a plan scan
#   sees the provider's value.
# custom:
#   id: RUNGS-AWS-SQS-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_sqs_queue]
#   controls: [DAT-2.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Declare SSE, ideally with your own KMS key (or sqs_managed_sse_enabled = true):
#       resource "aws_sqs_queue" "jobs" {
#         name              = "jobs"
#         kms_master_key_id = aws_kms_key.data.id
#       }
package rungs.aws.sqs.queue_encryption

import rego.v1

import data.rungs.lib

# "pass" with a KMS key or SSE-SQS declared, "unknown" when an unknown value may decide it (a
# key that may be null, an unknown flag), "fail" when neither is declared or SSE is off.
state(q) := lib.any_of({key_state(q), lib.tri_true(lib.attr(q, "sqs_managed_sse_enabled", false))})

key_state(q) := "pass" if {
	k := lib.attr(q, "kms_master_key_id", null)
	lib.is_set(k)
	not maybe_null(k)
} else := "unknown" if {
	maybe_null(lib.attr(q, "kms_master_key_id", null))
} else := "fail"

# Unknown text other than a resource's attribute may be null (var.kms_key_id with no value).
maybe_null(v) if {
	lib.is_unknown(v)
	not lib.resource_reference(v)
}

deny contains finding if {
	some q in lib.resources("aws_sqs_queue")
	state(q) == "fail"
	finding := lib.finding(q, "SQS queue declares no server-side encryption (kms_master_key_id, or sqs_managed_sse_enabled = true)")
}

unknown contains finding if {
	some q in lib.resources("aws_sqs_queue")
	state(q) == "unknown"
	finding := lib.finding(q, "kms_master_key_id or sqs_managed_sse_enabled is unknown at scan time")
}
