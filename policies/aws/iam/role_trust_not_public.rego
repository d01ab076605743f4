# METADATA
# title: IAM role trust policies do not trust every principal
# description: >-
#   No IAM role can be assumed by any AWS principal: the trust policy
#   (assume_role_policy, as JSON or through a referenced
#   aws_iam_policy_document) never names the principal "*" in an Allow
#   statement without a Condition restricting it.
# custom:
#   id: RUNGS-AWS-IAM-005
#   severity: critical
#   kind: resource
#   resource_types: [aws_iam_role]
#   controls: [IAM-2.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Name the trusted principal explicitly (or add a restricting condition):
#       data "aws_iam_policy_document" "trust" {
#         statement {
#           actions = ["sts:AssumeRole"]
#           principals {
#             type        = "AWS"
#             identifiers = ["arn:aws:iam::111122223333:role/deployer"]
#           }
#         }
#       }
package rungs.aws.iam.role_trust_not_public

import rego.v1

import data.rungs.lib

open_principal(p) if p == "*"

open_principal(p) if {
	is_object(p)
	some x in lib.as_array(object.get(p, "AWS", []))
	x == "*"
}

has_condition(st) if {
	c := st.Condition
	is_object(c)
	count(c) > 0
}

# Inline JSON trust policy.
public_trust(role) if {
	doc := lib.policy_doc(lib.attr(role, "assume_role_policy", null))
	some st in lib.statements(doc)
	lib.is_allow(st)
	open_principal(object.get(st, "Principal", null))
	not has_condition(st)
}

# Trust policy taken from a referenced data "aws_iam_policy_document".
public_trust(role) if {
	v := lib.attr(role, "assume_role_policy", null)
	some d in lib.resources("data.aws_iam_policy_document")
	lib.designates(v, d, lib.module_of(role))
	some st in lib.blocks(d, "statement")
	object.get(st, "effect", "Allow") == "Allow"
	count(lib.sub_blocks(st, "condition")) == 0
	some pr in lib.sub_blocks(st, "principals")
	object.get(pr, "type", "") in {"AWS", "*"}
	some id in lib.list_or_empty(object.get(pr, "identifiers", []))
	id == "*"
}

deny contains finding if {
	some role in lib.resources("aws_iam_role")
	public_trust(role)
	finding := lib.finding(role, "IAM role trust policy allows any AWS principal (\"*\") to assume the role without a condition")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged_document(["aws_iam_role"], "assume_role_policy")
}
