# METADATA
# title: CloudFront distributions require TLS 1.2 from viewers
# description: >-
#   A CloudFront distribution with its own certificate (ACM or IAM) sets
#   viewer_certificate minimum_protocol_version to TLSv1.2_2021 or later
#   (TLSv1.2_2025, TLSv1.3_2025). The provider default, TLSv1, accepts TLS 1.0
#   and 1.1. Distributions on the default *.cloudfront.net certificate cannot
#   choose a policy and are not judged.
# custom:
#   id: RUNGS-AWS-CLOUDFRONT-002
#   severity: medium
#   kind: resource
#   resource_types: [aws_cloudfront_distribution]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Require TLS 1.2 (2021 cipher suites) from viewers:
#       resource "aws_cloudfront_distribution" "site" {
#         # ...
#         viewer_certificate {
#           acm_certificate_arn      = aws_acm_certificate.site.arn
#           ssl_support_method       = "sni-only"
#           minimum_protocol_version = "TLSv1.2_2021"
#         }
#       }
package rungs.aws.cloudfront.minimum_tls

import rego.v1

import data.rungs.lib

modern := {"TLSv1.2_2021", "TLSv1.2_2025", "TLSv1.3_2025"}

custom_certificate(vc) if {
	some key in ["acm_certificate_arn", "iam_certificate_id"]
	lib.is_set(object.get(vc, key, null))
}

version_ok(v) if v in modern

version_ok(v) if lib.is_unknown(v)

deny contains finding if {
	some d in lib.resources("aws_cloudfront_distribution")
	some vc in lib.blocks(d, "viewer_certificate")
	custom_certificate(vc)
	not lib.truthy(object.get(vc, "cloudfront_default_certificate", false))
	# The provider default is TLSv1.
	v := object.get(vc, "minimum_protocol_version", "TLSv1")
	not version_ok(v)
	finding := lib.finding(d, concat("", ["Viewers may connect with TLS older than 1.2 (minimum_protocol_version = ", format_version(v), ")"]))
}

format_version(v) := v if is_string(v)

format_version(v) := "?" if not is_string(v)

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_cloudfront_distribution"], ["viewer_certificate", "cloudfront_default_certificate", "minimum_protocol_version"])
}
