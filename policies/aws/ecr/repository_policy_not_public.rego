# METADATA
# title: ECR repository policies do not allow every principal
# description: >-
#   No ECR repository policy (aws_ecr_repository_policy) lets every principal pull or push images. An Allow statement whose principal is "*" (or {"AWS": "*"}) without a
#   Condition (source account, organization, source ARN, VPC endpoint ...)
#   opens the resource to every AWS account. Policies built with
#   data "aws_iam_policy_document" are read through their statements; policies
#   that cannot be read at scan time are not judged.
# custom:
#   id: RUNGS-AWS-ECR-003
#   severity: high
#   kind: resource
#   resource_types: [aws_ecr_repository_policy]
#   controls: [IAM-2.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Share images with named accounts or your organization only:
#       resource "aws_ecr_repository_policy" "app" {
#         repository = aws_ecr_repository.app.name
#         policy = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Sid       = "OrgPull"
#             Effect    = "Allow"
#             Principal = "*"
#             Action    = ["ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
#             Condition = { StringEquals = { "aws:PrincipalOrgID" = var.organization_id } }
#           }]
#         })
#       }
package rungs.aws.ecr.repository_policy_not_public

import rego.v1

import data.rungs.lib

deny contains finding if {
	some r in lib.resources("aws_ecr_repository_policy")
	lib.public_policy(lib.attr(r, "policy", null), lib.module_of(r))
	finding := lib.finding(r, "ECR repository policy allows every principal (\"*\") without a condition")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged_document(["aws_ecr_repository_policy"], "policy")
}
