# METADATA
# title: CloudTrail logs are encrypted with a KMS key
# description: >-
#   Every CloudTrail trail encrypts its log files with a customer-managed KMS
#   key (kms_key_id), so that reading the logs needs a decrypt permission that
#   is granted separately from S3 read access.
# custom:
#   id: RUNGS-AWS-CLOUDTRAIL-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_cloudtrail]
#   controls: [LOG-3.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.5"]
#     csa-ccm-v4: ["LOG-02", "CEK-03"]
#   remediation: |
#     Point the trail to a KMS key whose policy lets CloudTrail use it:
#       resource "aws_cloudtrail" "main" {
#         # ...
#         kms_key_id = aws_kms_key.cloudtrail.arn
#       }
package rungs.aws.cloudtrail.kms_encryption

import rego.v1

import data.rungs.lib

deny contains finding if {
	some trail in lib.resources("aws_cloudtrail")
	not lib.is_set(lib.attr(trail, "kms_key_id", null))
	finding := lib.finding(trail, "CloudTrail trail does not encrypt logs with a KMS key (kms_key_id)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.maybe_unset(["aws_cloudtrail"], ["kms_key_id"])
}
