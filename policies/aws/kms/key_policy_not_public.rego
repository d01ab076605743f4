# METADATA
# title: KMS key policies do not allow every principal
# description: >-
#   No KMS key policy (the policy argument of aws_kms_key, or aws_kms_key_policy) lets every principal use or manage the key. An Allow statement whose principal is "*" (or {"AWS": "*"}) without a
#   Condition (source account, organization, source ARN, VPC endpoint ...)
#   opens the resource to every AWS account. Policies built with
#   data "aws_iam_policy_document" are read through their statements; policies
#   that cannot be read at scan time are not judged.
# custom:
#   id: RUNGS-AWS-KMS-002
#   severity: critical
#   kind: resource
#   resource_types: [aws_kms_key, aws_kms_key_policy]
#   controls: [IAM-2.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Grant the key to the account (and named roles) rather than to "*":
#       resource "aws_kms_key" "data" {
#         enable_key_rotation = true
#         policy = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Sid       = "AccountAdministration"
#             Effect    = "Allow"
#             Principal = { AWS = "arn:aws:iam::${data.aws_caller_identity.current.account_id}:root" }
#             Action    = "kms:*"
#             Resource  = "*"
#           }]
#         })
#       }
package rungs.aws.kms.key_policy_not_public

import rego.v1

import data.rungs.lib

types := ["aws_kms_key", "aws_kms_key_policy"]

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	lib.public_policy(lib.attr(r, "policy", null), lib.module_of(r))
	finding := lib.finding(r, "KMS key policy allows every principal (\"*\") without a condition")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged_document(["aws_kms_key", "aws_kms_key_policy"], "policy")
}
