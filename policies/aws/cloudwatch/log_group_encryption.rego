# METADATA
# title: CloudWatch log groups are encrypted with a KMS key
# description: >-
#   Every CloudWatch Logs group is encrypted with a customer-managed KMS key
#   (kms_key_id), so that access to log contents can be controlled and audited
#   through the key policy.
# custom:
#   id: RUNGS-AWS-CLOUDWATCH-002
#   severity: low
#   kind: resource
#   resource_types: [aws_cloudwatch_log_group]
#   controls: [LOG-3.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-02", "CEK-03"]
#   remediation: |
#     Encrypt the group with a key whose policy allows the logs service:
#       resource "aws_cloudwatch_log_group" "app" {
#         name       = "/app/web"
#         kms_key_id = aws_kms_key.logs.arn
#       }
package rungs.aws.cloudwatch.log_group_encryption

import rego.v1

import data.rungs.lib

deny contains finding if {
	some group in lib.resources("aws_cloudwatch_log_group")
	not lib.is_set(lib.attr(group, "kms_key_id", null))
	finding := lib.finding(group, "CloudWatch log group is not encrypted with a KMS key (kms_key_id)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.maybe_unset(["aws_cloudwatch_log_group"], ["kms_key_id"])
}
