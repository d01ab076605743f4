# METADATA
# title: CloudFront distributions write access logs
# description: >-
#   Every CloudFront distribution logs viewer requests: standard logging to S3
#   (a logging_config block), or standard logging v2 through an
#   aws_cloudwatch_log_delivery_source whose resource_arn refers to the
#   distribution.
# custom:
#   id: RUNGS-AWS-CLOUDFRONT-004
#   severity: low
#   kind: resource
#   resource_types: [aws_cloudfront_distribution]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Write standard logs to a log bucket:
#       resource "aws_cloudfront_distribution" "site" {
#         # ...
#         logging_config {
#           bucket          = aws_s3_bucket.logs.bucket_domain_name
#           prefix          = "cloudfront/site/"
#           include_cookies = false
#         }
#       }
package rungs.aws.cloudfront.access_logging

import rego.v1

import data.rungs.lib

logging(d) if count(lib.blocks(d, "logging_config")) > 0

logging(d) if lib.is_unknown(lib.attr(d, "logging_config", null))

# Standard logging v2: a delivery source for the distribution.
logging(d) if lib.maybe_companion(d, "aws_cloudwatch_log_delivery_source", "resource_arn")

deny contains finding if {
	some d in lib.resources("aws_cloudfront_distribution")
	not logging(d)
	finding := lib.finding(d, "CloudFront distribution does not write access logs (logging_config or a log delivery source)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_cloudfront_distribution"], ["logging_config"])
}
