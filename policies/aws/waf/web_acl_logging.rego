# METADATA
# title: WAF web ACLs log the requests they inspect
# description: >-
#   Every WAFv2 web ACL has a logging configuration
#   (aws_wafv2_web_acl_logging_configuration whose resource_arn refers to it)
#   delivering to CloudWatch Logs, S3 or Firehose, so that blocked and allowed
#   requests can be investigated. A logging configuration the scan cannot
#   resolve counts as covering the web ACL.
# custom:
#   id: RUNGS-AWS-WAF-002
#   severity: low
#   kind: resource
#   resource_types: [aws_wafv2_web_acl]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Log to a CloudWatch log group whose name starts with aws-waf-logs-:
#       resource "aws_cloudwatch_log_group" "waf" {
#         name              = "aws-waf-logs-app"
#         retention_in_days = 365
#       }
#       resource "aws_wafv2_web_acl_logging_configuration" "app" {
#         resource_arn            = aws_wafv2_web_acl.app.arn
#         log_destination_configs = [aws_cloudwatch_log_group.waf.arn]
#       }
package rungs.aws.waf.web_acl_logging

import rego.v1

import data.rungs.lib

deny contains finding if {
	some acl in lib.resources("aws_wafv2_web_acl")
	not lib.maybe_companion(acl, "aws_wafv2_web_acl_logging_configuration", "resource_arn")
	finding := lib.finding(acl, "WAF web ACL has no logging configuration (aws_wafv2_web_acl_logging_configuration)")
}
