# METADATA
# title: S3 buckets have server access logging
# description: >-
#   Every S3 bucket sends server access logs to a log bucket, so that requests
#   to the data can be investigated. Buckets that are themselves the target of
#   access logging are exempt (logging them would loop). CIS AWS 3.4 asks this
#   of the CloudTrail bucket only (RUNGS-AWS-CLOUDTRAIL-008), so it is not cited
#   here: this check asks it of every bucket.
# custom:
#   id: RUNGS-AWS-S3-004
#   severity: medium
#   kind: resource
#   resource_types: [aws_s3_bucket]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Send access logs to a dedicated log bucket:
#       resource "aws_s3_bucket_logging" "data" {
#         bucket        = aws_s3_bucket.data.id
#         target_bucket = aws_s3_bucket.access_logs.id
#         target_prefix = "s3/data/"
#       }
package rungs.aws.s3.bucket_access_logging

import rego.v1

import data.rungs.lib

logging_type := "aws_s3_bucket_logging"

logged(bucket) if {
	count(lib.blocks(bucket, "logging")) > 0
}

logged(bucket) if {
	lib.maybe_companion(bucket, logging_type, "bucket")
}

# The bucket receives access logs of other buckets: a logging resource's
# target_bucket designates it or names it (lib.companions, which looks the
# links up in the join indexes), or a bucket's inline logging block does.
log_target(bucket) if {
	count(lib.companions(bucket, logging_type, "target_bucket")) > 0
}

log_target(bucket) if {
	data.rungs.lib.indexed
	some k in names(bucket)
	some [i, v] in inline_logging[k]
	targets(lib.resources("aws_s3_bucket")[i], v, bucket)
}

log_target(bucket) if {
	not data.rungs.lib.indexed
	some other in lib.resources("aws_s3_bucket")
	some block in lib.blocks(other, "logging")
	targets(other, object.get(block, "target_bucket", null), bucket)
}

names(bucket) := {bucket.ref} | lib.literal_names(bucket)

# inline_logging[k]: [position of the bucket, target_bucket] of the inline `logging`
# blocks whose target_bucket may name k (lib.value_keys).
inline_logging := lib.group({[k, [i, v]] |
	some i, other in lib.resources("aws_s3_bucket")
	some block in lib.blocks(other, "logging")
	v := object.get(block, "target_bucket", null)
	some k in lib.value_keys(v)
})

# Legacy canned ACL granting the log delivery group write access.
log_target(bucket) if {
	lib.attr(bucket, "acl", "") == "log-delivery-write"
}

targets(from, v, bucket) if {
	lib.designates(v, bucket, lib.module_of(from))
}

targets(_, v, bucket) if {
	lib.is_known_string(v)
	v in lib.literal_names(bucket)
}

deny contains finding if {
	some bucket in lib.resources("aws_s3_bucket")
	not logged(bucket)
	not log_target(bucket)
	finding := lib.finding(bucket, "S3 bucket has no server access logging (aws_s3_bucket_logging)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_s3_bucket"], ["target_bucket", "acl", "logging"])
}
