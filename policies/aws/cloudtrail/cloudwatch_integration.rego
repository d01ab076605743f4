# METADATA
# title: CloudTrail delivers events to CloudWatch Logs
# description: >-
#   Every CloudTrail trail also delivers its events to a CloudWatch Logs group
#   (cloud_watch_logs_group_arn), so that metric filters, alarms and scripts can
#   react to security-relevant API calls in near real time.
# custom:
#   id: RUNGS-AWS-CLOUDTRAIL-004
#   severity: low
#   kind: resource
#   resource_types: [aws_cloudtrail]
#   controls: [LOG-3.2]
#   frameworks:
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     Send the trail to a log group through a role CloudTrail can assume:
#       resource "aws_cloudtrail" "main" {
#         # ...
#         cloud_watch_logs_group_arn = "${aws_cloudwatch_log_group.trail.arn}:*"
#         cloud_watch_logs_role_arn  = aws_iam_role.trail_to_cloudwatch.arn
#       }
package rungs.aws.cloudtrail.cloudwatch_integration

import rego.v1

import data.rungs.lib

deny contains finding if {
	some trail in lib.resources("aws_cloudtrail")
	not lib.is_set(lib.attr(trail, "cloud_watch_logs_group_arn", null))
	finding := lib.finding(trail, "CloudTrail trail does not deliver events to CloudWatch Logs (cloud_watch_logs_group_arn)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.maybe_unset(["aws_cloudtrail"], ["cloud_watch_logs_group_arn"])
}
