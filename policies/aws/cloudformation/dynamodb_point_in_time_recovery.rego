# METADATA
# title: CloudFormation DynamoDB tables have point-in-time recovery
# description: >-
#   Every AWS::DynamoDB::Table sets
#   PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled to true (it is off
#   by default).
# custom:
#   id: RUNGS-CFN-DYNAMODB-001
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::DynamoDB::Table"]
#   controls: [DAT-2.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Turn point-in-time recovery on:
#       PointInTimeRecoverySpecification:
#         PointInTimeRecoveryEnabled: true
package rungs.aws.cloudformation.dynamodb_point_in_time_recovery

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::DynamoDB::Table"]

state(r) := lib.tri_true(cfn.at(r, ["PointInTimeRecoverySpecification", "PointInTimeRecoveryEnabled"], false))

deny contains lib.finding(r, "DynamoDB table has no point-in-time recovery (PointInTimeRecoverySpecification)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "PointInTimeRecoverySpecification is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
