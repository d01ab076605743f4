# METADATA
# title: SQS queue policies do not allow every principal
# description: >-
#   No SQS queue policy (the policy argument of aws_sqs_queue, or aws_sqs_queue_policy) lets every principal send, receive or delete messages. An Allow statement whose principal is "*" (or {"AWS": "*"}) without a
#   Condition (source account, organization, source ARN, VPC endpoint ...)
#   opens the resource to every AWS account. Policies built with
#   data "aws_iam_policy_document" are read through their statements; policies
#   that cannot be read at scan time are not judged.
# custom:
#   id: RUNGS-AWS-SQS-002
#   severity: high
#   kind: resource
#   resource_types: [aws_sqs_queue, aws_sqs_queue_policy]
#   controls: [IAM-2.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Restrict the queue to the sending service and source:
#       resource "aws_sqs_queue_policy" "events" {
#         queue_url = aws_sqs_queue.events.id
#         policy = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Effect    = "Allow"
#             Principal = { Service = "sns.amazonaws.com" }
#             Action    = "sqs:SendMessage"
#             Resource  = aws_sqs_queue.events.arn
#             Condition = { ArnEquals = { "aws:SourceArn" = aws_sns_topic.events.arn } }
#           }]
#         })
#       }
package rungs.aws.sqs.queue_policy_not_public

import rego.v1

import data.rungs.lib

types := ["aws_sqs_queue", "aws_sqs_queue_policy"]

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	lib.public_policy(lib.attr(r, "policy", null), lib.module_of(r))
	finding := lib.finding(r, "SQS queue policy allows every principal (\"*\") without a condition")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged_document(["aws_sqs_queue", "aws_sqs_queue_policy"], "policy")
}
