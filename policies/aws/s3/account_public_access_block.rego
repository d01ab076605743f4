# METADATA
# title: S3 Block Public Access is enforced at the account level
# description: >-
#   An aws_s3_account_public_access_block with all four settings on exists, so
#   no bucket of the account can be made public whatever its own settings.
# custom:
#   id: RUNGS-AWS-S3-005
#   severity: high
#   kind: presence
#   resource_types: [aws_s3_account_public_access_block]
#   controls: [DAT-4.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["2.1.4"]
#     csa-ccm-v4: ["DSP-17"]
#   remediation: |
#     Declare the account-level block (once per account):
#       resource "aws_s3_account_public_access_block" "this" {
#         block_public_acls       = true
#         block_public_policy     = true
#         ignore_public_acls      = true
#         restrict_public_buckets = true
#       }
package rungs.aws.s3.account_public_access_block

import rego.v1

import data.rungs.lib

present if {
	some pab in lib.resources("aws_s3_account_public_access_block")
	lib.s3_pab_complete(pab)
}
