# METADATA
# title: CloudFormation IAM policies do not allow every action of a service on all resources
# description: >-
#   No policy document of an AWS::IAM::Policy, AWS::IAM::ManagedPolicy, or the
#   inline Policies of a role, user or group allows a service wildcard ("s3:*",
#   "iam:*") on Resource "*" ("*" on "*" is RUNGS-CFN-IAM-001's).
# custom:
#   id: RUNGS-CFN-IAM-005
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]
#   controls: [IAM-3.2]
#   frameworks:
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     List the actions and resources the principal needs:
#       Statement:
#         - Effect: Allow
#           Action: [s3:GetObject, s3:PutObject]
#           Resource: !Sub "${Bucket.Arn}/*"
package rungs.aws.cloudformation.iam_no_service_wildcards

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::IAM::Policy", "AWS::IAM::ManagedPolicy", "AWS::IAM::Role", "AWS::IAM::User", "AWS::IAM::Group"]

service_wildcard(a) if {
	is_string(a)
	regex.match(`^[A-Za-z0-9-]+:\*$`, a)
}

wildcard_statement(s) if {
	is_object(s)
	object.get(s, "Effect", "") == "Allow"
	cfn.holds(object.get(s, "Resource", []), "*")
	some a in lib.as_array(object.get(s, "Action", []))
	service_wildcard(a)
}

undecided(r) if lib.is_unknown(lib.attr(r, "PolicyDocument", null))

undecided(r) if lib.is_unknown(lib.attr(r, "Policies", null))

undecided(r) if {
	some p in cfn.policies(r)
	lib.is_unknown(object.get(p, "PolicyDocument", null))
}

undecided(r) if {
	some d in cfn.documents(r)
	lib.is_unknown(object.get(d, "Statement", null))
}

undecided(r) if {
	some d in cfn.documents(r)
	some s in cfn.statements(d)
	undecided_statement(s)
}

undecided_statement(s) if lib.is_unknown(s)

undecided_statement(s) if {
	is_object(s)
	some k in ["Effect", "Action", "Resource"]
	lib.unknown_value(object.get(s, k, null))
}

wildcard(r) if {
	some d in cfn.documents(r)
	some s in cfn.statements(d)
	wildcard_statement(s)
}

state(r) := "fail" if wildcard(r)

state(r) := "unknown" if {
	not wildcard(r)
	undecided(r)
}

state(r) := "pass" if {
	not wildcard(r)
	not undecided(r)
}

deny contains lib.finding(r, "IAM policy allows every action of a service on every resource (\"svc:*\" on \"*\")") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "a policy document is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
