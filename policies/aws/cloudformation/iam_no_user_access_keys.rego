# METADATA
# title: CloudFormation templates create no active IAM user access keys
# description: >-
#   No AWS::IAM::AccessKey is created active (Status defaults to Active):
#   long-lived keys in a template end up in stack outputs and pipelines; use roles.
# custom:
#   id: RUNGS-CFN-IAM-002
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::IAM::AccessKey"]
#   controls: [IAM-3.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Use an IAM role (instance profile, OIDC federation) instead of the key,
#     or create it inactive:
#       Properties:
#         Status: Inactive
package rungs.aws.cloudformation.iam_no_user_access_keys

import rego.v1

import data.rungs.lib

types := ["AWS::IAM::AccessKey"]

state(r) := lib.tri_in(lib.attr(r, "Status", "Active"), {"Inactive"})

deny contains lib.finding(r, "Active IAM user access key created in code (AWS::IAM::AccessKey)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "Status is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
