# METADATA
# title: IAM users get permissions only through groups
# description: >-
#   No policy is attached directly to an IAM user, inline (aws_iam_user_policy)
#   or managed (aws_iam_user_policy_attachment, aws_iam_policy_attachment with
#   users). Permissions granted through groups or roles are easier to review
#   and to revoke.
# custom:
#   id: RUNGS-AWS-IAM-002
#   severity: medium
#   kind: resource
#   resource_types: [aws_iam_user_policy, aws_iam_user_policy_attachment, aws_iam_policy_attachment]
#   controls: [IAM-2.2]
#   frameworks:
#     cis-aws-foundations-5.0: ["1.14"]
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Attach the policy to a group and add the user to it:
#       resource "aws_iam_group_policy_attachment" "deployers" {
#         group      = aws_iam_group.deployers.name
#         policy_arn = aws_iam_policy.deploy.arn
#       }
#       resource "aws_iam_user_group_membership" "alice" {
#         user   = aws_iam_user.alice.name
#         groups = [aws_iam_group.deployers.name]
#       }
package rungs.aws.iam.user_direct_permissions

import rego.v1

import data.rungs.lib

deny contains finding if {
	some p in lib.resources("aws_iam_user_policy")
	finding := lib.finding(p, "Inline policy attached directly to an IAM user; grant permissions through a group or role")
}

deny contains finding if {
	some p in lib.resources("aws_iam_user_policy_attachment")
	finding := lib.finding(p, "Managed policy attached directly to an IAM user; attach it to a group instead")
}

deny contains finding if {
	some p in lib.resources("aws_iam_policy_attachment")
	users := lib.attr(p, "users", [])
	is_array(users)
	count(users) > 0
	finding := lib.finding(p, "aws_iam_policy_attachment attaches a policy directly to IAM users; attach it to a group instead")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_iam_user_policy", "aws_iam_user_policy_attachment", "aws_iam_policy_attachment"], ["users"])
}
