# METADATA
# title: Console sign-in without MFA raises an alarm
# description: >-
#   A CloudWatch Logs metric filter on the CloudTrail log group matches console sign-ins without MFA (eventName ConsoleLogin with additionalEventData.MFAUsed not Yes) and an alarm notifies on it.
#   The filter must sit on a log group and have an
#   aws_cloudwatch_metric_alarm with alarm_actions (for example an SNS topic
#   the security team subscribes to). Filters created with for_each are read
#   through their for_each values.
# custom:
#   id: RUNGS-AWS-CLOUDWATCH-005
#   severity: medium
#   kind: presence
#   resource_types: [aws_cloudwatch_log_metric_filter, aws_cloudwatch_metric_alarm]
#   controls: [LOG-3.2]
#   frameworks:
#     cis-aws-foundations-5.0: ["4.2"]
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     On the log group the trail delivers to:
#       resource "aws_cloudwatch_log_metric_filter" "ConsoleLoginWithoutMfa" {
#         name           = "ConsoleLoginWithoutMfa"
#         log_group_name = aws_cloudwatch_log_group.cloudtrail.name
#         pattern        = "{ ($.eventName = \"ConsoleLogin\") && ($.additionalEventData.MFAUsed != \"Yes\") }"
#         metric_transformation {
#           name      = "ConsoleLoginWithoutMfa"
#           namespace = "CISBenchmark"
#           value     = "1"
#         }
#       }
#       resource "aws_cloudwatch_metric_alarm" "ConsoleLoginWithoutMfa" {
#         alarm_name          = "ConsoleLoginWithoutMfa"
#         metric_name         = aws_cloudwatch_log_metric_filter.ConsoleLoginWithoutMfa.metric_transformation[0].name
#         namespace           = "CISBenchmark"
#         statistic           = "Sum"
#         period              = 300
#         evaluation_periods  = 1
#         threshold           = 1
#         comparison_operator = "GreaterThanOrEqualToThreshold"
#         alarm_actions       = [aws_sns_topic.security_alerts.arn]
#       }
package rungs.aws.cloudwatch.console_no_mfa_alarm

import rego.v1

import data.rungs.lib

# The CIS pattern: { ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }
matches(p) if {
	contains(p, "ConsoleLogin")
	contains(p, "MFAUsed")
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
