# METADATA
# title: CloudFront reaches custom origins over HTTPS
# description: >-
#   No custom origin of a CloudFront distribution uses origin_protocol_policy =
#   "http-only": requests and responses between the edge and the origin would
#   travel in clear text over the internet, whatever the viewer's protocol.
# custom:
#   id: RUNGS-AWS-CLOUDFRONT-005
#   severity: medium
#   kind: resource
#   resource_types: [aws_cloudfront_distribution]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Connect to the origin over HTTPS:
#       resource "aws_cloudfront_distribution" "site" {
#         # ...
#         origin {
#           # ...
#           custom_origin_config {
#             http_port              = 80
#             https_port             = 443
#             origin_protocol_policy = "https-only"
#             origin_ssl_protocols   = ["TLSv1.2"]
#           }
#         }
#       }
package rungs.aws.cloudfront.origin_https

import rego.v1

import data.rungs.lib

origin_configs(r) := [c | some o in lib.blocks(r, "origin"); some c in lib.sub_blocks(o, "custom_origin_config")]

deny contains finding if {
	some r in lib.resources("aws_cloudfront_distribution")
	some c in origin_configs(r)
	object.get(c, "origin_protocol_policy", "") == "http-only"
	finding := lib.finding(r, "CloudFront reaches an origin over plain HTTP (origin_protocol_policy = http-only)")
}

plain(r) if {
	some c in origin_configs(r)
	object.get(c, "origin_protocol_policy", "") == "http-only"
}

# What the scan cannot know decides nothing: the distribution is not judged, never passed.
unknown contains finding if {
	some r in lib.resources("aws_cloudfront_distribution")
	not plain(r)
	some c in origin_configs(r)
	lib.is_unknown(object.get(c, "origin_protocol_policy", null))
	finding := lib.finding(r, "origin_protocol_policy is unknown at scan time")
}

# origin or custom_origin_config given as an unknown value or a dynamic block
# over an unknown collection.
unknown contains finding if {
	some r in lib.resources("aws_cloudfront_distribution")
	not plain(r)
	lib.unknown_at(r, "origin.custom_origin_config.origin_protocol_policy")
	finding := lib.finding(r, "origin_protocol_policy is unknown at scan time")
}
