# METADATA
# title: AWS Security Hub is enabled
# description: >-
#   aws_securityhub_account is declared, so that the account's posture is
#   evaluated continuously against security standards and findings from other
#   services are collected in one place.
# custom:
#   id: RUNGS-AWS-SECURITYHUB-001
#   severity: medium
#   kind: presence
#   resource_types: [aws_securityhub_account]
#   controls: [VUL-3.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["4.16"]
#     csa-ccm-v4: ["TVM-07"]
#   remediation: |
#     Enable Security Hub (and subscribe to a standard):
#       resource "aws_securityhub_account" "this" {}
#       resource "aws_securityhub_standards_subscription" "fsbp" {
#         standards_arn = "arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0"
#         depends_on    = [aws_securityhub_account.this]
#       }
package rungs.aws.securityhub.enabled

import rego.v1

import data.rungs.lib

present if lib.has_resource("aws_securityhub_account")
