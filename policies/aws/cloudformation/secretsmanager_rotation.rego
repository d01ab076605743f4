# METADATA
# title: CloudFormation Secrets Manager secrets rotate automatically
# description: >-
#   Every AWS::SecretsManager::Secret is the SecretId of an
#   AWS::SecretsManager::RotationSchedule of the template. A rotation schedule
#   whose SecretId is a parameter or an import leaves the others not judged.
# custom:
#   id: RUNGS-CFN-SECRETSMANAGER-001
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::SecretsManager::Secret"]
#   controls: [DAT-3.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-12"]
#   remediation: |
#     Rotate the secret:
#       SecretRotation:
#         Type: AWS::SecretsManager::RotationSchedule
#         Properties:
#           SecretId: !Ref Secret
#           RotationLambdaARN: !GetAtt Rotator.Arn
#           RotationRules:
#             AutomaticallyAfterDays: 30
package rungs.aws.cloudformation.secretsmanager_rotation

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::SecretsManager::Secret"]

rotated := cfn.referenced("AWS::SecretsManager::RotationSchedule", "SecretId")

loose if cfn.loosely_referenced("AWS::SecretsManager::RotationSchedule", "SecretId")

state(r) := "pass" if r.address in rotated

state(r) := "unknown" if {
	not r.address in rotated
	loose
}

state(r) := "fail" if {
	not r.address in rotated
	not loose
}

deny contains lib.finding(r, "Secret has no rotation schedule (AWS::SecretsManager::RotationSchedule)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "a rotation schedule's SecretId is unknown at scan time; it may rotate this secret") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
