# METADATA
# title: The CloudTrail bucket has server access logging
# description: >-
#   The S3 bucket a trail delivers to sends server access logs to another
#   bucket (an inline logging block or an aws_s3_bucket_logging referring to
#   it), so that every read, deletion or policy change of the audit logs can be
#   traced. Trails whose bucket is not declared in the scanned code (a central
#   log archive account) are not judged.
# custom:
#   id: RUNGS-AWS-CLOUDTRAIL-008
#   severity: medium
#   kind: resource
#   resource_types: [aws_cloudtrail]
#   controls: [LOG-2.3]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.4"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Log access to the trail bucket in a separate log bucket:
#       resource "aws_s3_bucket_logging" "trail" {
#         bucket        = aws_s3_bucket.trail.id
#         target_bucket = aws_s3_bucket.access_logs.id
#         target_prefix = "cloudtrail/"
#       }
package rungs.aws.cloudtrail.bucket_access_logging

import rego.v1

import data.rungs.lib

trail_buckets(trail) := lib.designated(lib.attr(trail, "s3_bucket_name", null), "aws_s3_bucket", lib.module_of(trail))

logged(bucket) if count(lib.blocks(bucket, "logging")) > 0

# A separate aws_s3_bucket_logging, or one that may refer to the bucket.
logged(bucket) if lib.maybe_companion(bucket, "aws_s3_bucket_logging", "bucket")

deny contains finding if {
	some trail in lib.resources("aws_cloudtrail")
	some bucket in trail_buckets(trail)
	not logged(bucket)
	not lib.is_unknown(lib.attr(bucket, "logging", null))
	finding := lib.finding(trail, concat("", ["CloudTrail delivers to bucket ", bucket.address, ", which has no server access logging"]))
}

# A trail whose bucket the scan does not hold (another account's, or a name or
# reference it cannot resolve) cannot be judged: not judged, never passed.
unknown contains finding if {
	some trail in lib.resources("aws_cloudtrail")
	count(trail_buckets(trail)) == 0
	finding := lib.finding(trail, "the trail's bucket (s3_bucket_name) is not in this scan or is unknown: its access logging cannot be judged")
}

unknown contains finding if {
	some trail in lib.resources("aws_cloudtrail")
	some bucket in trail_buckets(trail)
	not logged(bucket)
	lib.is_unknown(lib.attr(bucket, "logging", null))
	finding := lib.finding(trail, concat("", ["the logging of bucket ", bucket.address, " is unknown at scan time"]))
}
