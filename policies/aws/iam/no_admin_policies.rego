# METADATA
# title: No IAM policy grants full administrative access
# description: >-
#   No customer-managed or inline IAM policy, and no aws_iam_policy_document,
#   allows every action ("*") on every resource ("*"). Full administrative
#   access should come from a small number of reviewed roles, not from policies
#   written per team.
# custom:
#   id: RUNGS-AWS-IAM-004
#   severity: high
#   kind: resource
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, data.aws_iam_policy_document]
#   controls: [IAM-1.2]
#   frameworks:
#     cis-aws-foundations-5.0: ["1.15"]
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Replace the wildcard with the actions and resources the principal needs:
#       data "aws_iam_policy_document" "deploy" {
#         statement {
#           actions   = ["s3:PutObject", "s3:GetObject"]
#           resources = ["${aws_s3_bucket.artifacts.arn}/*"]
#         }
#       }
package rungs.aws.iam.no_admin_policies

import rego.v1

import data.rungs.lib

policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

wildcard_action(a) if a in {"*", "*:*"}

# A JSON policy statement allowing * on *.
admin_statement(st) if {
	lib.is_allow(st)
	some a in lib.as_array(object.get(st, "Action", []))
	wildcard_action(a)
	some r in lib.as_array(object.get(st, "Resource", []))
	r == "*"
}

deny contains finding if {
	some t in policy_types
	some p in lib.resources(t)
	doc := lib.policy_doc(lib.attr(p, "policy", null))
	some st in lib.statements(doc)
	admin_statement(st)
	finding := lib.finding(p, "IAM policy allows all actions (\"*\") on all resources (\"*\")")
}

# data "aws_iam_policy_document": statement blocks (effect defaults to Allow).
deny contains finding if {
	some d in lib.resources("data.aws_iam_policy_document")
	some st in lib.blocks(d, "statement")
	object.get(st, "effect", "Allow") == "Allow"
	some a in lib.list_or_empty(object.get(st, "actions", []))
	wildcard_action(a)
	some r in lib.list_or_empty(object.get(st, "resources", []))
	r == "*"
	finding := lib.finding(d, "IAM policy document allows all actions (\"*\") on all resources (\"*\")")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged_document(["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"], "policy")
}

unknown contains finding if {
	some finding in lib.unjudged(["data.aws_iam_policy_document"], ["statement", "effect", "actions"])
}
