# METADATA
# title: CloudFormation Lambda function URLs require IAM authentication
# description: >-
#   Every AWS::Lambda::Url sets AuthType to AWS_IAM; NONE makes the function
#   callable by anyone who finds the URL.
# custom:
#   id: RUNGS-CFN-LAMBDA-002
#   severity: high
#   kind: resource
#   resource_types: ["AWS::Lambda::Url"]
#   controls: [IAM-2.3]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Require signed requests:
#       Properties:
#         AuthType: AWS_IAM
package rungs.aws.cloudformation.lambda_function_url_auth

import rego.v1

import data.rungs.lib

types := ["AWS::Lambda::Url"]

state(r) := lib.tri_in(lib.attr(r, "AuthType", "NONE"), {"AWS_IAM"})

deny contains lib.finding(r, "Lambda function URL does not require IAM authentication (AuthType: NONE)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "AuthType is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
