# METADATA
# title: CloudTrail log file validation is enabled
# description: >-
#   Every CloudTrail trail writes signed digest files, so that any change to or
#   deletion of a delivered log file can be detected.
# custom:
#   id: RUNGS-AWS-CLOUDTRAIL-002
#   severity: medium
#   kind: resource
#   resource_types: [aws_cloudtrail]
#   controls: [LOG-2.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.2"]
#     csa-ccm-v4: ["LOG-09"]
#   remediation: |
#     Enable log file validation on the trail:
#       resource "aws_cloudtrail" "main" {
#         # ...
#         enable_log_file_validation = true
#       }
package rungs.aws.cloudtrail.log_file_validation

import rego.v1

import data.rungs.lib

deny contains finding if {
	some trail in lib.resources("aws_cloudtrail")
	# The provider default is false.
	lib.falsy(lib.attr(trail, "enable_log_file_validation", false))
	finding := lib.finding(trail, "CloudTrail log file validation is not enabled")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_cloudtrail"], ["enable_log_file_validation"])
}
