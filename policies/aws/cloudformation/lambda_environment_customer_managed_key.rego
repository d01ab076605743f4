# METADATA
# title: CloudFormation Lambda environment variables are encrypted with a customer-managed key
# description: >-
#   Every AWS::Lambda::Function with environment variables names a KMS key
#   (KmsKeyArn) for them. Functions without variables are not judged.
# custom:
#   id: RUNGS-CFN-LAMBDA-003
#   severity: low
#   kind: resource
#   resource_types: ["AWS::Lambda::Function"]
#   controls: [DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the variables with a key of the template:
#       Properties:
#         KmsKeyArn: !GetAtt FunctionKey.Arn
package rungs.aws.cloudformation.lambda_environment_customer_managed_key

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::Lambda::Function"]

variables(r) := cfn.at(r, ["Environment", "Variables"], {})

# Variables that may exist: a key passes them, anything else leaves them unknown.
state(r) := lib.any_of([cfn.tri_set(lib.attr(r, "KmsKeyArn", null)), "unknown"]) if lib.is_unknown(variables(r))

state(r) := cfn.tri_set(lib.attr(r, "KmsKeyArn", null)) if {
	is_object(variables(r))
	count(variables(r)) > 0
}

deny contains lib.finding(r, "Lambda environment variables are not encrypted with a customer-managed key (KmsKeyArn)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "Environment or KmsKeyArn is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
