# METADATA
# title: CloudFormation CloudTrail trails deliver events to CloudWatch Logs
# description: >-
#   Every AWS::CloudTrail::Trail sets CloudWatchLogsLogGroupArn (with its role),
#   so events can raise metric filters and alarms as they happen.
# custom:
#   id: RUNGS-CFN-CLOUDTRAIL-004
#   severity: low
#   kind: resource
#   resource_types: ["AWS::CloudTrail::Trail"]
#   controls: [LOG-3.2]
#   frameworks:
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     Deliver the trail to a log group:
#       Properties:
#         CloudWatchLogsLogGroupArn: !GetAtt TrailLogs.Arn
#         CloudWatchLogsRoleArn: !GetAtt TrailToLogs.Arn
package rungs.aws.cloudformation.cloudtrail_cloudwatch_integration

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::CloudTrail::Trail"]

state(r) := cfn.tri_set(lib.attr(r, "CloudWatchLogsLogGroupArn", null))

deny contains lib.finding(r, "CloudTrail trail does not deliver to CloudWatch Logs (CloudWatchLogsLogGroupArn)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "CloudWatchLogsLogGroupArn is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
