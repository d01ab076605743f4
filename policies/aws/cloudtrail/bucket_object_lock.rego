# METADATA
# title: CloudTrail delivers logs to a bucket with S3 Object Lock
# description: >-
#   The S3 bucket a trail delivers to has Object Lock enabled (object_lock_enabled
#   on the bucket, or an aws_s3_bucket_object_lock_configuration referring to
#   it), so that delivered log files cannot be deleted or overwritten, not even
#   by an administrator of the log account. Trails whose bucket is not declared
#   in the scanned code (a central log archive account) are not judged.
# custom:
#   id: RUNGS-AWS-CLOUDTRAIL-006
#   severity: medium
#   kind: resource
#   resource_types: [aws_cloudtrail]
#   controls: [LOG-2.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-09"]
#   remediation: |
#     Enable Object Lock on the trail bucket and set a default retention:
#       resource "aws_s3_bucket" "trail" {
#         bucket              = "acme-cloudtrail"
#         object_lock_enabled = true
#       }
#       resource "aws_s3_bucket_object_lock_configuration" "trail" {
#         bucket = aws_s3_bucket.trail.id
#         rule {
#           default_retention {
#             mode = "GOVERNANCE"
#             days = 365
#           }
#         }
#       }
package rungs.aws.cloudtrail.bucket_object_lock

import rego.v1

import data.rungs.lib

# object_lock_enabled on the bucket (provider >= 4); the provider default is false.
locked(bucket) if not lib.falsy(lib.attr(bucket, "object_lock_enabled", false))

# Legacy (provider < 4) inline block: object_lock_enabled = "Enabled".
locked(bucket) if {
	some b in lib.blocks(bucket, "object_lock_configuration")
	v := object.get(b, "object_lock_enabled", "")
	not v in {"", "Disabled"}
}

# A separate object lock configuration (it can enable Object Lock on an
# existing bucket; its object_lock_enabled defaults to "Enabled").
locked(bucket) if {
	some c in lib.companions(bucket, "aws_s3_bucket_object_lock_configuration", "bucket")
	lib.attr(c, "object_lock_enabled", "Enabled") != "Disabled"
}

locked(bucket) if lib.ambiguous_companion(bucket, "aws_s3_bucket_object_lock_configuration", "bucket")

deny contains finding if {
	some trail in lib.resources("aws_cloudtrail")
	some bucket in lib.designated(lib.attr(trail, "s3_bucket_name", null), "aws_s3_bucket", lib.module_of(trail))
	not locked(bucket)
	finding := lib.finding(trail, concat("", ["CloudTrail delivers to bucket ", bucket.address, ", which has no S3 Object Lock"]))
}

# A trail whose bucket the scan does not hold (another account's, or a name or
# reference it cannot resolve) cannot be judged: not judged, never passed.
unknown contains finding if {
	some trail in lib.resources("aws_cloudtrail")
	count(lib.designated(lib.attr(trail, "s3_bucket_name", null), "aws_s3_bucket", lib.module_of(trail))) == 0
	finding := lib.finding(trail, "the trail's bucket (s3_bucket_name) is not in this scan or is unknown: its Object Lock cannot be judged")
}
