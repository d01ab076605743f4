# METADATA
# title: CloudWatch log groups keep logs for at least a year
# description: >-
#   Every CloudWatch Logs group keeps its events for at least 365 days (or
#   never expires them), so that logs are still there when an incident is
#   discovered months later.
# custom:
#   id: RUNGS-AWS-CLOUDWATCH-001
#   severity: low
#   kind: resource
#   resource_types: [aws_cloudwatch_log_group]
#   controls: [LOG-2.2]
#   frameworks:
#     csa-ccm-v4: ["LOG-02"]
#   remediation: |
#     Raise the retention to a year or more:
#       resource "aws_cloudwatch_log_group" "app" {
#         name              = "/app/web"
#         retention_in_days = 365
#       }
package rungs.aws.cloudwatch.log_group_retention

import rego.v1

import data.rungs.lib

deny contains finding if {
	some group in lib.resources("aws_cloudwatch_log_group")
	# Absent or 0 means the events never expire.
	days := lib.to_num(lib.attr(group, "retention_in_days", 0))
	days > 0
	days < 365
	finding := lib.finding(group, sprintf("CloudWatch log group keeps events for %v days, less than 365", [days]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_cloudwatch_log_group"], ["retention_in_days"])
}
