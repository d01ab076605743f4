# METADATA
# title: CloudFront distributions are protected by AWS WAF
# description: >-
#   Every CloudFront distribution has a web ACL (web_acl_id, the ARN of an
#   aws_wafv2_web_acl with scope CLOUDFRONT), so that common web exploits and
#   abusive clients are filtered at the edge before they reach the origin.
# custom:
#   id: RUNGS-AWS-CLOUDFRONT-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_cloudfront_distribution]
#   controls: [NET-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-09"]
#   remediation: |
#     Attach a WAFv2 web ACL (created in us-east-1 with scope CLOUDFRONT):
#       resource "aws_cloudfront_distribution" "site" {
#         # ...
#         web_acl_id = aws_wafv2_web_acl.edge.arn
#       }
package rungs.aws.cloudfront.waf

import rego.v1

import data.rungs.lib

deny contains finding if {
	some d in lib.resources("aws_cloudfront_distribution")
	not lib.is_set(lib.attr(d, "web_acl_id", null))
	finding := lib.finding(d, "CloudFront distribution has no AWS WAF web ACL (web_acl_id)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.maybe_unset(["aws_cloudfront_distribution"], ["web_acl_id"])
}
