# METADATA
# title: No IAM policy allows every action of a service on all resources
# description: >-
#   No customer-managed or inline IAM policy, and no aws_iam_policy_document,
#   allows a service-wide wildcard action (such as "s3:*" or "iam:*") on all
#   resources ("*"). Such grants hide privilege escalation paths and outlive
#   the need that motivated them; list the actions and scope the resources.
# custom:
#   id: RUNGS-AWS-IAM-007
#   severity: medium
#   kind: resource
#   resource_types: [aws_iam_policy, aws_iam_role_policy, aws_iam_user_policy, aws_iam_group_policy, data.aws_iam_policy_document]
#   controls: [IAM-3.2]
#   frameworks:
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     List the actions needed and scope the resources:
#       data "aws_iam_policy_document" "app" {
#         statement {
#           actions   = ["s3:GetObject", "s3:PutObject"]
#           resources = ["${aws_s3_bucket.data.arn}/*"]
#         }
#       }
package rungs.aws.iam.no_service_wildcards

import rego.v1

import data.rungs.lib

policy_types := ["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"]

# "s3:*", "iam:*", ... (the full "*" is RUNGS-AWS-IAM-004's business).
service_wildcard(a) if {
	is_string(a)
	regex.match(`^[A-Za-z0-9-]+:\*$`, a)
}

any_resource(resources) if {
	some r in resources
	r == "*"
}

# Service-wide actions a JSON statement allows on all resources.
json_wildcards(st) := {a |
	lib.is_allow(st)
	any_resource(lib.as_array(object.get(st, "Resource", [])))
	some a in lib.as_array(object.get(st, "Action", []))
	service_wildcard(a)
	not json_root_key_admin(st, a)
}

json_root_key_admin(st, "kms:*") if {
	principal := st.Principal
	is_object(principal)
	ids := lib.as_array(object.get(principal, "AWS", []))
	count(ids) > 0
	every id in ids {
		is_string(id)
		endswith(id, ":root")
	}
}

# Same for a statement block of data "aws_iam_policy_document".
doc_wildcards(st) := {a |
	object.get(st, "effect", "Allow") == "Allow"
	any_resource(lib.list_or_empty(object.get(st, "resources", [])))
	some a in lib.list_or_empty(object.get(st, "actions", []))
	service_wildcard(a)
	not root_key_admin(st, a)
}

# The default KMS key policy grants kms:* to the account root (it lets IAM
# policies of the account manage the key): AWS's default, not a wildcard grant
# to a principal.
root_key_admin(st, "kms:*") if {
	pr := lib.sub_blocks(st, "principals")
	count(pr) > 0
	every p in pr {
		object.get(p, "type", "") == "AWS"
		ids := lib.list_or_empty(object.get(p, "identifiers", []))
		count(ids) > 0
		every id in ids {
			is_string(id)
			endswith(id, ":root")
		}
	}
}

deny contains finding if {
	some t in policy_types
	some p in lib.resources(t)
	doc := lib.policy_doc(lib.attr(p, "policy", null))
	actions := {a | some st in lib.statements(doc); some a in json_wildcards(st)}
	count(actions) > 0
	finding := lib.finding(p, sprintf("IAM policy allows every action of %s on all resources", [concat(", ", sort(actions))]))
}

deny contains finding if {
	some d in lib.resources("data.aws_iam_policy_document")
	actions := {a | some st in lib.blocks(d, "statement"); some a in doc_wildcards(st)}
	count(actions) > 0
	finding := lib.finding(d, sprintf("IAM policy document allows every action of %s on all resources", [concat(", ", sort(actions))]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged_document(["aws_iam_policy", "aws_iam_role_policy", "aws_iam_user_policy", "aws_iam_group_policy"], "policy")
}

unknown contains finding if {
	some finding in lib.unjudged(["data.aws_iam_policy_document"], ["statement", "effect", "actions"])
}
