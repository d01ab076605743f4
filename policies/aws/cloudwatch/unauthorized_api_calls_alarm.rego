# METADATA
# title: Unauthorized API calls raise an alarm
# description: >-
#   A CloudWatch Logs metric filter on the CloudTrail log group matches failed authorizations (errorCode UnauthorizedOperation or AccessDenied) and an alarm notifies on it, so that probing with stolen or over-scoped credentials is noticed.
#   The filter must sit on a log group and have an
#   aws_cloudwatch_metric_alarm with alarm_actions (for example an SNS topic
#   the security team subscribes to). Filters created with for_each are read
#   through their for_each values.
# custom:
#   id: RUNGS-AWS-CLOUDWATCH-004
#   severity: medium
#   kind: presence
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm]
#   controls: [LOG-3.2]
#   frameworks:
#     cis-aws-foundations-5.0: ["4.1"]
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     On the log group the trail delivers to:
#       resource "aws_cloudwatch_log_metric_filter" "UnauthorizedApiCalls" {
#         name           = "UnauthorizedApiCalls"
#         log_group_name = aws_cloudwatch_log_group.cloudtrail.name
#         pattern        = "{ ($.errorCode = \"*UnauthorizedOperation\") || ($.errorCode = \"AccessDenied*\") }"
#         metric_transformation {
#           name      = "UnauthorizedApiCalls"
#           namespace = "CISBenchmark"
#           value     = "1"
#         }
#       }
#       resource "aws_cloudwatch_metric_alarm" "UnauthorizedApiCalls" {
#         alarm_name          = "UnauthorizedApiCalls"
#         metric_name         = aws_cloudwatch_log_metric_filter.UnauthorizedApiCalls.metric_transformation[0].name
#         namespace           = "CISBenchmark"
#         statistic           = "Sum"
#         period              = 300
#         evaluation_periods  = 1
#         threshold           = 1
#         comparison_operator = "GreaterThanOrEqualToThreshold"
#         alarm_actions       = [aws_sns_topic.security_alerts.arn]
#       }
package rungs.aws.cloudwatch.unauthorized_api_calls_alarm

import rego.v1

import data.rungs.lib

# The CIS pattern: { ($.errorCode = "*UnauthorizedOperation") || ($.errorCode = "AccessDenied*") }
matches(p) if {
	contains(p, "errorCode")
	contains(p, "UnauthorizedOperation")
}

matches(p) if {
	contains(p, "errorCode")
	contains(p, "AccessDenied")
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
