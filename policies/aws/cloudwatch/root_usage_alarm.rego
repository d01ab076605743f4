# METADATA
# title: Root user activity raises an alarm
# description: >-
#   A CloudWatch Logs metric filter on the CloudTrail log group matches activity of the root user (userIdentity.type = "Root") and an alarm notifies on it: the root user should never be used day to day.
#   The filter must sit on a log group and have an
#   aws_cloudwatch_metric_alarm with alarm_actions (for example an SNS topic
#   the security team subscribes to). Filters created with for_each are read
#   through their for_each values.
# custom:
#   id: RUNGS-AWS-CLOUDWATCH-003
#   severity: medium
#   kind: presence
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm]
#   controls: [LOG-3.2]
#   frameworks:
#     cis-aws-foundations-5.0: ["4.3"]
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     On the log group the trail delivers to:
#       resource "aws_cloudwatch_log_metric_filter" "RootAccountUsage" {
#         name           = "RootAccountUsage"
#         log_group_name = aws_cloudwatch_log_group.cloudtrail.name
#         pattern        = "{ $.userIdentity.type = \"Root\" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != \"AwsServiceEvent\" }"
#         metric_transformation {
#           name      = "RootAccountUsage"
#           namespace = "CISBenchmark"
#           value     = "1"
#         }
#       }
#       resource "aws_cloudwatch_metric_alarm" "RootAccountUsage" {
#         alarm_name          = "RootAccountUsage"
#         metric_name         = aws_cloudwatch_log_metric_filter.RootAccountUsage.metric_transformation[0].name
#         namespace           = "CISBenchmark"
#         statistic           = "Sum"
#         period              = 300
#         evaluation_periods  = 1
#         threshold           = 1
#         comparison_operator = "GreaterThanOrEqualToThreshold"
#         alarm_actions       = [aws_sns_topic.security_alerts.arn]
#       }
package rungs.aws.cloudwatch.root_usage_alarm

import rego.v1

import data.rungs.lib

# The CIS pattern: { $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }
matches(p) if {
	contains(p, "userIdentity.type")
	contains(p, "Root")
}

# An unknown pattern (a variable) counts in favour of presence.
pattern_ok(p) if lib.is_unknown(p)

pattern_ok(p) if {
	lib.is_known_string(p)
	matches(p)
}

present if {
	some f in lib.resources("aws_cloudwatch_log_metric_filter")
	some p in lib.metric_filter_patterns(f)
	pattern_ok(p)
	lib.alarmed(f)
}
