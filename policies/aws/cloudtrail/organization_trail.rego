# METADATA
# title: An organization trail records every account
# description: >-
#   A CloudTrail organization trail exists, so that the audit logs of every
#   member account are collected centrally and cannot be turned off from a
#   member account.
# custom:
#   id: RUNGS-AWS-CLOUDTRAIL-005
#   severity: medium
#   kind: presence
#   resource_types: [aws_cloudtrail]
#   controls: [LOG-4.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-02"]
#   remediation: |
#     From the management account (or a delegated administrator):
#       resource "aws_cloudtrail" "org" {
#         name                       = "organization"
#         s3_bucket_name             = aws_s3_bucket.org_trail.id
#         is_organization_trail      = true
#         is_multi_region_trail      = true
#         enable_log_file_validation = true
#       }
package rungs.aws.cloudtrail.organization_trail

import rego.v1

import data.rungs.lib

enabled(v) if lib.truthy(v)

enabled(v) if lib.is_unknown(v)

present if {
	some trail in lib.resources("aws_cloudtrail")
	enabled(lib.attr(trail, "is_organization_trail", false))
}
