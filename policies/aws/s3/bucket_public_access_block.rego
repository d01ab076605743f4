# METADATA
# title: S3 buckets block public access
# description: >-
#   Every S3 bucket has a public access block with all four settings on
#   (block_public_acls, block_public_policy, ignore_public_acls,
#   restrict_public_buckets), unless an account-level public access block with
#   all four settings is declared in the same root module.
# custom:
#   id: RUNGS-AWS-S3-002
#   severity: high
#   kind: resource
#   resource_types: [aws_s3_bucket]
#   controls: [DAT-1.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["2.1.4"]
#     csa-ccm-v4: ["DSP-17"]
#   remediation: |
#     Add a public access block for the bucket with all four settings on:
#       resource "aws_s3_bucket_public_access_block" "data" {
#         bucket                  = aws_s3_bucket.data.id
#         block_public_acls       = true
#         block_public_policy     = true
#         ignore_public_acls      = true
#         restrict_public_buckets = true
#       }
package rungs.aws.s3.bucket_public_access_block

import rego.v1

import data.rungs.lib

pab_type := "aws_s3_bucket_public_access_block"

# An account-level block covers every bucket of the account.
account_block if {
	some pab in lib.resources("aws_s3_account_public_access_block")
	lib.s3_pab_complete(pab)
}

deny contains finding if {
	some bucket in lib.resources("aws_s3_bucket")
	not account_block
	not lib.maybe_companion(bucket, pab_type, "bucket")
	finding := lib.finding(bucket, "S3 bucket has no public access block (aws_s3_bucket_public_access_block)")
}

deny contains finding if {
	some bucket in lib.resources("aws_s3_bucket")
	not account_block
	not lib.ambiguous_companion(bucket, pab_type, "bucket")
	pabs := lib.companions(bucket, pab_type, "bucket")
	count(pabs) > 0
	not any_complete(pabs)
	off := {f | some pab in pabs; some f in lib.s3_pab_off(pab)}
	finding := lib.finding(bucket, sprintf("S3 bucket public access block leaves settings off: %s", [concat(", ", sort(off))]))
}

any_complete(pabs) if {
	some pab in pabs
	lib.s3_pab_complete(pab)
}
