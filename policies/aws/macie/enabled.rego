# METADATA
# title: Amazon Macie discovers sensitive data
# description: >-
#   Amazon Macie is enabled (aws_macie2_account not paused), so that S3 data
#   is inventoried and sensitive data is discovered and classified
#   automatically.
# custom:
#   id: RUNGS-AWS-MACIE-001
#   severity: low
#   kind: presence
#   resource_types: [aws_macie2_account]
#   controls: [DAT-4.2]
#   frameworks:
#     cis-aws-foundations-5.0: ["2.1.3"]
#     csa-ccm-v4: ["DSP-03", "DSP-04"]
#   remediation: |
#     Enable Macie (and add classification jobs or automated discovery):
#       resource "aws_macie2_account" "this" {
#         finding_publishing_frequency = "ONE_HOUR"
#         status                       = "ENABLED"
#       }
package rungs.aws.macie.enabled

import rego.v1

import data.rungs.lib

present if {
	some m in lib.resources("aws_macie2_account")
	# The provider default status is ENABLED.
	lib.attr(m, "status", "ENABLED") != "PAUSED"
}
