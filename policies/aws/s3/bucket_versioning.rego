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

ok_value(v) if lib.is_true(v)

ok_value(v) if lib.is_unknown(v)

# Legacy (AWS provider < 4) inline block: versioning { enabled = true }.
inline_enabled(bucket) if {
	some v in lib.blocks(bucket, "versioning")
	ok_value(object.get(v, "enabled", false))
}

companion_enabled(bucket) if {
	some c in lib.companions(bucket, versioning_type, "bucket")
	some vc in lib.blocks(c, "versioning_configuration")
	status := object.get(vc, "status", "")
	status_ok(status)
}

# A companion whose whole versioning_configuration is unknown.
companion_enabled(bucket) if {
	some c in lib.companions(bucket, versioning_type, "bucket")
	lib.is_unknown(lib.attr(c, "versioning_configuration", null))
}

status_ok(s) if s == "Enabled"

status_ok(s) if lib.is_unknown(s)

deny contains finding if {
	some bucket in lib.resources("aws_s3_bucket")
	not inline_enabled(bucket)
	not companion_enabled(bucket)
	not lib.ambiguous_companion(bucket, versioning_type, "bucket")
	finding := lib.finding(bucket, "S3 bucket versioning is not enabled")
}
