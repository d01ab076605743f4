# METADATA
# title: API Gateway stages write access logs
# description: >-
#   Every REST API stage (aws_api_gateway_stage) and HTTP or WebSocket API
#   stage (aws_apigatewayv2_stage) writes access logs to a log destination
#   (access_log_settings with destination_arn), so that every call to the API
#   can be attributed and investigated.
# custom:
#   id: RUNGS-AWS-APIGATEWAY-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_api_gateway_stage, aws_apigatewayv2_stage]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Send access logs to a CloudWatch log group:
#       resource "aws_api_gateway_stage" "prod" {
#         # ...
#         access_log_settings {
#           destination_arn = aws_cloudwatch_log_group.api.arn
#           format = jsonencode({
#             requestId = "$context.requestId", ip = "$context.identity.sourceIp",
#             status = "$context.status", routeKey = "$context.resourcePath"
#           })
#         }
#       }
package rungs.aws.apigateway.stage_access_logging

import rego.v1

import data.rungs.lib

logging(stage) if {
	some s in lib.blocks(stage, "access_log_settings")
	lib.is_set(object.get(s, "destination_arn", null))
}

logging(stage) if lib.is_unknown(lib.attr(stage, "access_log_settings", null))

deny contains finding if {
	some t in ["aws_api_gateway_stage", "aws_apigatewayv2_stage"]
	some stage in lib.resources(t)
	not logging(stage)
	finding := lib.finding(stage, "API stage does not write access logs (access_log_settings destination_arn)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_api_gateway_stage", "aws_apigatewayv2_stage"], ["access_log_settings"])
}
