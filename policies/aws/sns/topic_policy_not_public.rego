# METADATA
# title: SNS topic policies do not allow every principal
# description: >-
#   No SNS topic policy (the policy argument of aws_sns_topic, or aws_sns_topic_policy) lets every principal publish to or subscribe to the topic. An Allow statement whose principal is "*" (or {"AWS": "*"}) without a
#   Condition (source account, organization, source ARN, VPC endpoint ...)
#   opens the resource to every AWS account. Policies built with
#   data "aws_iam_policy_document" are read through their statements; policies
#   that cannot be read at scan time are not judged.
# custom:
#   id: RUNGS-AWS-SNS-002
#   severity: high
#   kind: resource
#   resource_types: [aws_sns_topic, aws_sns_topic_policy]
#   controls: [IAM-2.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Restrict publishing to the account or the publishing service:
#       resource "aws_sns_topic_policy" "alerts" {
#         arn = aws_sns_topic.alerts.arn
#         policy = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Effect    = "Allow"
#             Principal = { Service = "cloudwatch.amazonaws.com" }
#             Action    = "sns:Publish"
#             Resource  = aws_sns_topic.alerts.arn
#             Condition = { StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id } }
#           }]
#         })
#       }
package rungs.aws.sns.topic_policy_not_public

import rego.v1

import data.rungs.lib

types := ["aws_sns_topic", "aws_sns_topic_policy"]

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	lib.public_policy(lib.attr(r, "policy", null), lib.module_of(r))
	finding := lib.finding(r, "SNS topic policy allows every principal (\"*\") without a condition")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged_document(["aws_sns_topic", "aws_sns_topic_policy"], "policy")
}
