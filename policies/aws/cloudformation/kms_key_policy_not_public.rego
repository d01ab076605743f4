# METADATA
# title: CloudFormation KMS key policies do not allow every principal
# description: >-
#   No AWS::KMS::Key's KeyPolicy allows Principal "*" (or AWS "*") without a
#   Condition to narrow it. A key without KeyPolicy gets the default policy
#   (the account only) and passes.
# custom:
#   id: RUNGS-CFN-KMS-002
#   severity: critical
#   kind: resource
#   resource_types: ["AWS::KMS::Key"]
#   controls: [IAM-2.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Name the account and the roles that use the key:
#       KeyPolicy:
#         Statement:
#           - Effect: Allow
#             Principal:
#               AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"
#             Action: "kms:*"
#             Resource: "*"
package rungs.aws.cloudformation.kms_key_policy_not_public

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::KMS::Key"]

state(r) := "pass" if lib.attr(r, "KeyPolicy", null) == null

state(r) := cfn.document_state(lib.attr(r, "KeyPolicy", null)) if lib.attr(r, "KeyPolicy", null) != null

deny contains lib.finding(r, "KMS key policy lets every principal use the key") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "the key policy is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
