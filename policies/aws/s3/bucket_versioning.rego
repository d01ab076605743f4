# METADATA
# title: S3 buckets have versioning enabled
# description: >-
#   Every S3 bucket has versioning enabled so that overwritten or deleted
#   objects can be recovered after an accident or a ransomware-style attack.
# custom:
#   id: RUNGS-AWS-S3-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_s3_bucket]
#   controls: [DAT-2.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Enable versioning with a companion resource:
#       resource "aws_s3_bucket_versioning" "data" {
#         bucket = aws_s3_bucket.data.id
#         versioning_configuration {
#           status = "Enabled"
#         }
#       }
package rungs.aws.s3.bucket_versioning

import rego.v1

import data.rungs.lib

versioning_type := "aws_s3_bucket_versioning"

# Legacy (AWS provider < 4) inline block: versioning { enabled = true }.
inline_enabled(bucket) if {
	some v in lib.blocks(bucket, "versioning")
	lib.is_true(object.get(v, "enabled", false))
}

companion_enabled(cs) if {
	some c in cs
	some vc in lib.blocks(c, "versioning_configuration")
	object.get(vc, "status", "") == "Enabled"
}

enabled(bucket, _) if inline_enabled(bucket)

enabled(_, cs) if companion_enabled(cs)

# S3 Object Lock turns versioning on, and it cannot be suspended while the lock is on.
enabled(bucket, _) if lib.truthy(lib.attr(bucket, "object_lock_enabled", false))

enabled(bucket, _) if {
	some b in lib.blocks(bucket, "object_lock_configuration")
	object.get(b, "object_lock_enabled", "") == "Enabled"
}

undecided(bucket, _) if lib.is_unknown(lib.attr(bucket, "object_lock_enabled", null))

# What the scan cannot know decides nothing: the bucket is not judged, never passed.
undecided(bucket, _) if {
	some v in lib.blocks(bucket, "versioning")
	lib.is_unknown(object.get(v, "enabled", false))
}

undecided(_, cs) if {
	some c in cs
	lib.is_unknown(lib.attr(c, "versioning_configuration", null))
}

undecided(_, cs) if {
	some c in cs
	some vc in lib.blocks(c, "versioning_configuration")
	lib.is_unknown(object.get(vc, "status", ""))
}

# A versioning resource whose bucket the scan cannot resolve might be this bucket's.
undecided(bucket, _) if lib.ambiguous_companion(bucket, versioning_type, "bucket")

# Per bucket position: its versioning resources (cs above), looked up once for the
# deny and unknown rules.
companions[i] := lib.companions(bucket, versioning_type, "bucket") if {
	some i, bucket in lib.resources("aws_s3_bucket")
}

deny contains finding if {
	some i, bucket in lib.resources("aws_s3_bucket")
	not enabled(bucket, companions[i])
	not undecided(bucket, companions[i])
	finding := lib.finding(bucket, "S3 bucket versioning is not enabled")
}

unknown contains finding if {
	some i, bucket in lib.resources("aws_s3_bucket")
	not enabled(bucket, companions[i])
	undecided(bucket, companions[i])
	finding := lib.finding(bucket, "versioning depends on a value unknown at scan time")
}
