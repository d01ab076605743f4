# METADATA
# title: Roles trusted by GitHub Actions OIDC restrict the subject
# description: >-
#   An IAM role whose trust policy accepts web identities from GitHub Actions
#   (token.actions.githubusercontent.com) restricts the token's sub claim to
#   named repositories (for example repo:acme/app:ref:refs/heads/main).
#   Without that condition, or with a bare "*", any GitHub repository in the
#   world can assume the role.
# custom:
#   id: RUNGS-AWS-IAM-009
#   severity: critical
#   kind: resource
#   resource_types: [aws_iam_role]
#   controls: [IAM-2.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Pin the subject claim to your repository and branch or environment:
#       assume_role_policy = jsonencode({
#         Version = "2012-10-17"
#         Statement = [{
#           Effect    = "Allow"
#           Principal = { Federated = aws_iam_openid_connect_provider.github.arn }
#           Action    = "sts:AssumeRoleWithWebIdentity"
#           Condition = {
#             StringEquals = { "token.actions.githubusercontent.com:aud" = "sts.amazonaws.com" }
#             StringLike   = { "token.actions.githubusercontent.com:sub" = "repo:acme/app:ref:refs/heads/main" }
#           }
#         }]
#       })
package rungs.aws.iam.github_oidc_subject

import rego.v1

import data.rungs.lib

github_host := "token.actions.githubusercontent.com"

sub_key := "token.actions.githubusercontent.com:sub"

# A federated principal that is GitHub's OIDC provider: by its ARN text, or by
# reference to an aws_iam_openid_connect_provider whose url is GitHub's.
github_principal(x, m) if {
	is_string(x)
	contains(x, github_host)
	not lib.is_unknown(x)
}

github_principal(x, m) if {
	lib.is_unknown(x)
	some t in ["aws_iam_openid_connect_provider", "data.aws_iam_openid_connect_provider"]
	some op in lib.resources(t)
	lib.designates(x, op, m)
	url := lib.attr(op, "url", "")
	is_string(url)
	contains(url, github_host)
}

# Subject values that admit every repository.
open_subject(v) if v == "*"

open_subject(v) if {
	is_string(v)
	startswith(v, "repo:*")
}

# JSON statements: the subject restrictions of a statement.
subject_values(st) := [v |
	cond := st.Condition
	is_object(cond)
	some _, kv in cond
	is_object(kv)
	some key, val in kv
	is_string(key)
	lower(key) == sub_key
	some v in lib.as_array(val)
]

json_statement_open(st, m) if {
	lib.is_allow(st)
	p := object.get(st, "Principal", null)
	is_object(p)
	some x in lib.as_array(object.get(p, "Federated", []))
	github_principal(x, m)
	not restricted(subject_values(st))
}

# Restricted: at least one subject value, none of them open.
restricted(values) if {
	count(values) > 0
	not any_open(values)
}

any_open(values) if {
	some v in values
	open_subject(v)
}

# data "aws_iam_policy_document" statements.
block_subject_values(st) := [v |
	some c in lib.sub_blocks(st, "condition")
	variable := object.get(c, "variable", "")
	is_string(variable)
	lower(variable) == sub_key
	some v in lib.list_or_empty(object.get(c, "values", []))
]

block_statement_open(st, m) if {
	object.get(st, "effect", "Allow") == "Allow"
	some pr in lib.sub_blocks(st, "principals")
	object.get(pr, "type", "") == "Federated"
	some x in lib.list_or_empty(object.get(pr, "identifiers", []))
	github_principal(x, m)
	not restricted(block_subject_values(st))
}

open_trust(role) if {
	doc := lib.policy_doc(lib.attr(role, "assume_role_policy", null))
	some st in lib.statements(doc)
	json_statement_open(st, lib.module_of(role))
}

open_trust(role) if {
	v := lib.attr(role, "assume_role_policy", null)
	some d in lib.resources("data.aws_iam_policy_document")
	lib.designates(v, d, lib.module_of(role))
	some st in lib.blocks(d, "statement")
	block_statement_open(st, lib.module_of(d))
}

deny contains finding if {
	some role in lib.resources("aws_iam_role")
	open_trust(role)
	finding := lib.finding(role, "Role trusts GitHub Actions OIDC without restricting token.actions.githubusercontent.com:sub to named repositories")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged_document(["aws_iam_role"], "assume_role_policy")
}
