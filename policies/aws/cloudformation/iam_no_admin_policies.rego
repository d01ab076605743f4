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

# A document, statement or field that may make an admin statement is unknown.
undecided(r) if lib.is_unknown(lib.attr(r, "PolicyDocument", null))

undecided(r) if lib.is_unknown(lib.attr(r, "Policies", null))

undecided(r) if {
	some p in cfn.policies(r)
	lib.is_unknown(p)
}

undecided(r) if {
	some p in cfn.policies(r)
	is_object(p)
	lib.is_unknown(object.get(p, "PolicyDocument", null))
}

undecided(r) if {
	some d in cfn.documents(r)
	lib.is_unknown(object.get(d, "Statement", null))
}

undecided(r) if {
	some d in cfn.documents(r)
	some s in cfn.statements(d)
	lib.is_unknown(s)
}

undecided(r) if {
	some d in cfn.documents(r)
	some s in cfn.statements(d)
	is_object(s)
	maybe(object.get(s, "Effect", ""), "Allow")
	maybe(object.get(s, "Action", []), "*")
	maybe(object.get(s, "Resource", []), "*")
	some k in ["Effect", "Action", "Resource"]
	lib.unknown_value(object.get(s, k, null))
}

maybe(v, x) if cfn.holds(v, x)

maybe(v, _) if lib.unknown_value(v)

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "the policy document is unknown at scan time")
}
