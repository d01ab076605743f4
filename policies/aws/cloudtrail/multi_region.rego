# METADATA
# title: CloudTrail trails cover all regions
# description: >-
#   Every CloudTrail trail is multi-region, so that API activity in regions the
#   organization does not normally use is recorded too.
# custom:
#   id: RUNGS-AWS-CLOUDTRAIL-001
#   severity: high
#   kind: resource
#   resource_types: [aws_cloudtrail]
#   controls: [LOG-1.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.1"]
#     csa-ccm-v4: ["LOG-07"]
#   remediation: |
#     Set is_multi_region_trail on the trail:
#       resource "aws_cloudtrail" "main" {
#         name                  = "main"
#         s3_bucket_name        = aws_s3_bucket.trail.id
#         is_multi_region_trail = true
#       }
package rungs.aws.cloudtrail.multi_region

import rego.v1

import data.rungs.lib

deny contains finding if {
	some trail in lib.resources("aws_cloudtrail")
	# The provider default is false.
	lib.falsy(lib.attr(trail, "is_multi_region_trail", false))
	finding := lib.finding(trail, "CloudTrail trail is not multi-region (is_multi_region_trail is not true)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_cloudtrail"], ["is_multi_region_trail"])
}
