# METADATA
# title: CloudFormation IAM users get permissions only through groups
# description: >-
#   No AWS::IAM::User has inline Policies or ManagedPolicyArns, and no
#   AWS::IAM::Policy or AWS::IAM::ManagedPolicy is attached to Users: users get
#   their permissions from groups (or, better, roles).
# custom:
#   id: RUNGS-CFN-IAM-003
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::IAM::User", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"]
#   controls: [IAM-2.2]
#   frameworks:
#     cis-aws-foundations-5.0: ["1.14"]
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Attach the policy to a group and make the user a member:
#       Developers:
#         Type: AWS::IAM::Group
#         Properties:
#           ManagedPolicyArns: [!Ref DeveloperPolicy]
#       Alice:
#         Type: AWS::IAM::User
#         Properties:
#           Groups: [!Ref Developers]
package rungs.aws.cloudformation.iam_user_direct_permissions

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::IAM::User", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy"]

# "pass" when permissions are attached to the user directly.
direct(r) := lib.any_of([
	cfn.tri_set(lib.attr(r, "Policies", [])),
	cfn.tri_set(lib.attr(r, "ManagedPolicyArns", [])),
]) if r.type == "AWS::IAM::User"

direct(r) := cfn.tri_set(lib.attr(r, "Users", [])) if r.type != "AWS::IAM::User"

state(r) := cfn.negate(direct(r))

deny contains lib.finding(r, "IAM permissions are attached to a user directly instead of through a group") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "Policies, ManagedPolicyArns or Users is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
