# METADATA
# title: CloudFormation IAM role trust policies do not trust every principal
# description: >-
#   No AWS::IAM::Role's AssumeRolePolicyDocument allows Principal "*" (or
#   AWS "*") without a Condition to narrow it.
# custom:
#   id: RUNGS-CFN-IAM-004
#   severity: critical
#   kind: resource
#   resource_types: ["AWS::IAM::Role"]
#   controls: [IAM-2.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Trust a named service or account:
#       AssumeRolePolicyDocument:
#         Statement:
#           - Effect: Allow
#             Principal:
#               Service: lambda.amazonaws.com
#             Action: sts:AssumeRole
package rungs.aws.cloudformation.iam_role_trust_not_public

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::IAM::Role"]

state(r) := cfn.document_state(lib.attr(r, "AssumeRolePolicyDocument", {}))

deny contains lib.finding(r, "IAM role trust policy lets every principal assume the role") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "the trust policy is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
