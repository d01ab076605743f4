# METADATA
# title: CloudFormation DynamoDB tables are encrypted with a customer-managed KMS key
# description: >-
#   Every AWS::DynamoDB::Table sets SSESpecification.SSEEnabled to true with a
#   KMSMasterKeyId (without them the table uses an AWS-owned key).
# custom:
#   id: RUNGS-CFN-DYNAMODB-002
#   severity: low
#   kind: resource
#   resource_types: ["AWS::DynamoDB::Table"]
#   controls: [DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt with a key of the template:
#       SSESpecification:
#         SSEEnabled: true
#         SSEType: KMS
#         KMSMasterKeyId: !Ref TableKey
package rungs.aws.cloudformation.dynamodb_customer_managed_key

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::DynamoDB::Table"]

state(r) := lib.all_of([
	lib.tri_true(cfn.at(r, ["SSESpecification", "SSEEnabled"], false)),
	cfn.tri_set(cfn.at(r, ["SSESpecification", "KMSMasterKeyId"], null)),
])

deny contains lib.finding(r, "DynamoDB table is not encrypted with a customer-managed KMS key (SSESpecification)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "SSESpecification is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
