# METADATA
# title: CloudFormation API Gateway stages write access logs
# description: >-
#   Every AWS::ApiGateway::Stage sets AccessLogSetting.DestinationArn, and every
#   AWS::ApiGatewayV2::Stage sets AccessLogSettings.DestinationArn.
# custom:
#   id: RUNGS-CFN-APIGATEWAY-001
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::ApiGateway::Stage", "AWS::ApiGatewayV2::Stage"]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Write access logs to a log group:
#       AccessLogSetting:
#         DestinationArn: !GetAtt ApiLogs.Arn
#         Format: $context.requestId $context.identity.sourceIp $context.status
package rungs.aws.cloudformation.apigateway_stage_access_logging

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::ApiGateway::Stage", "AWS::ApiGatewayV2::Stage"]

setting(r) := "AccessLogSetting" if r.type == "AWS::ApiGateway::Stage"

setting(r) := "AccessLogSettings" if r.type == "AWS::ApiGatewayV2::Stage"

state(r) := cfn.tri_set(cfn.at(r, [setting(r), "DestinationArn"], null))

deny contains lib.finding(r, "API Gateway stage writes no access logs (AccessLogSetting.DestinationArn)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "the access log destination is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
