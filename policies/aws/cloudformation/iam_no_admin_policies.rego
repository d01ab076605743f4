# METADATA
# title: CloudFormation IAM policies do not grant every action on every resource
# description: >-
#   No policy document of an AWS::IAM::Policy, AWS::IAM::ManagedPolicy, or the
#   inline Policies of an AWS::IAM::Role, User or Group allows "*" on "*":
#   full administrator rights belong to a break-glass role, not to workloads.
# custom:
#   id: RUNGS-CFN-IAM-001
#   severity: high
#   kind: resource
#   resource_types: ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]
#   controls: [IAM-1.2]
#   frameworks:
#     cis-aws-foundations-5.0: ["1.15"]
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Grant the actions and resources the principal needs:
#       Statement:
#         - Effect: Allow
#           Action: ["s3:GetObject"]
#           Resource: !Sub "${Bucket.Arn}/*"
package rungs.aws.cloudformation.iam_no_admin_policies

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]

admin(s) if {
	is_object(s)
	object.get(s, "Effect", "") == "Allow"
	cfn.holds(object.get(s, "Action", []), "*")
	cfn.holds(object.get(s, "Resource", []), "*")
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	some d in cfn.documents(r)
	some s in cfn.statements(d)
	admin(s)
	finding := lib.finding(r, "IAM policy allows every action (\"*\") on every resource (\"*\")")
}
