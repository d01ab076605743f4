# METADATA
# title: CloudFront distributions serve viewers over HTTPS only
# description: >-
#   Every cache behavior of a CloudFront distribution (the default and each
#   ordered one) sets viewer_protocol_policy to "redirect-to-https" or
#   "https-only", so that no viewer request or response travels over plain
#   HTTP. "allow-all" serves HTTP as well.
# custom:
#   id: RUNGS-AWS-CLOUDFRONT-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_cloudfront_distribution]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Redirect viewers to HTTPS in every cache behavior:
#       resource "aws_cloudfront_distribution" "site" {
#         # ...
#         default_cache_behavior {
#           viewer_protocol_policy = "redirect-to-https"
#           # ...
#         }
#       }
package rungs.aws.cloudfront.viewer_https

import rego.v1

import data.rungs.lib

behaviors(d) := array.concat(lib.blocks(d, "default_cache_behavior"), lib.blocks(d, "ordered_cache_behavior"))

deny contains finding if {
	some d in lib.resources("aws_cloudfront_distribution")
	some b in behaviors(d)
	object.get(b, "viewer_protocol_policy", "") == "allow-all"
	finding := lib.finding(d, "A cache behavior allows viewers to use plain HTTP (viewer_protocol_policy = \"allow-all\")")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_cloudfront_distribution"], ["default_cache_behavior", "ordered_cache_behavior", "viewer_protocol_policy"])
}
