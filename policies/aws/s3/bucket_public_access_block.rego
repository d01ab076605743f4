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

# A public access block: "pass" with its four settings on, "fail" with one
# known off (false, or absent: the provider default is false), "unknown"
# otherwise.
pab_state(pab) := "fail" if count(lib.s3_pab_off(pab)) > 0

pab_state(pab) := "unknown" if {
	count(lib.s3_pab_off(pab)) == 0
	some f in data.rungs.lib.s3_pab_flags
	lib.is_unknown(lib.attr(pab, f, false))
}

pab_state(pab) := "pass" if {
	count(lib.s3_pab_off(pab)) == 0
	every f in data.rungs.lib.s3_pab_flags {
		not lib.is_unknown(lib.attr(pab, f, false))
	}
}

# An account-level block covers the buckets of its account: those of the same
# provider configuration. One the scan cannot place (another module, whose
# configuration comes from its call) may cover the bucket.
account(bucket) := lib.any_of(array.concat(
	[pab_state(pab) |
		some pab in lib.resources("aws_s3_account_public_access_block")
		lib.same_provider(pab, bucket)
	],
	[maybe_account(pab) |
		some pab in lib.resources("aws_s3_account_public_access_block")
		lib.maybe_same_provider(pab, bucket)
	],
))

maybe_account(pab) := "fail" if pab_state(pab) == "fail"

maybe_account(pab) := "unknown" if pab_state(pab) != "fail"

# The bucket's own blocks; one whose bucket the scan cannot resolve may be its.
# The bucket's own public access blocks decide: fail without one (unless one may
# exist), else the best of their states ("unknown" added when another may exist).
own(pabs, ambiguous) := "unknown" if {
	count(pabs) == 0
	ambiguous
}

own(pabs, ambiguous) := lib.any_of(array.concat(
	[pab_state(pab) | some pab in pabs],
	["unknown" | ambiguous],
)) if count(pabs) > 0

own(pabs, false) := "fail" if count(pabs) == 0

# Per bucket position: its public access blocks and its verdict, computed once for
# the deny and unknown rules (companions are the costly part of this policy).
judged[i] := {"pabs": pabs, "verdict": lib.any_of([account(bucket), own(pabs, ambiguous)])} if {
	some i, bucket in lib.resources("aws_s3_bucket")
	pabs := lib.companions(bucket, pab_type, "bucket")
	ambiguous := may_have_another(bucket)
}

may_have_another(bucket) := true if {
	lib.ambiguous_companion(bucket, pab_type, "bucket")
} else := false

deny contains finding if {
	some i, bucket in lib.resources("aws_s3_bucket")
	judged[i].verdict == "fail"
	count(judged[i].pabs) == 0
	finding := lib.finding(bucket, "S3 bucket has no public access block (aws_s3_bucket_public_access_block)")
}

deny contains finding if {
	some i, bucket in lib.resources("aws_s3_bucket")
	judged[i].verdict == "fail"
	pabs := judged[i].pabs
	count(pabs) > 0
	off := {f | some pab in pabs; some f in lib.s3_pab_off(pab)}
	finding := lib.finding(bucket, sprintf("S3 bucket public access block leaves settings off: %s", [concat(", ", sort(off))]))
}

unknown contains finding if {
	some i, bucket in lib.resources("aws_s3_bucket")
	judged[i].verdict == "unknown"
	finding := lib.finding(bucket, "the public access block that may cover this bucket (its settings, its bucket or the account's provider configuration) is unknown at scan time")
}
