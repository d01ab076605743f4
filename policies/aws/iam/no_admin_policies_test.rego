package rungs.aws.iam.no_admin_policies_test

import rego.v1

import data.rungs.aws.iam.no_admin_policies as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "aws", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

type_key(x) := concat(".", ["data", x.type]) if x.mode == "data"

type_key(x) := x.type if x.mode != "data"

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; type_key(x) == k] | some y in rs; k := type_key(y)},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

admin_json := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`

scoped_json := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObject"],"Resource":"arn:aws:s3:::acme/*"}]}`

test_admin_policy_denied if {
	p := res("aws_iam_policy", "admin", {"name": "admin", "policy": admin_json})
	findings := policy.deny with input as doc([p])
	addresses(findings) == {"aws_iam_policy.admin"}
}

test_star_star_action_in_role_policy_denied if {
	j := `{"Statement":{"Effect":"Allow","Action":["*:*"],"Resource":["*"]}}`
	p := res("aws_iam_role_policy", "r", {"role": "x", "policy": j})
	findings := policy.deny with input as doc([p])
	count(findings) == 1
}

test_scoped_policy_passes if {
	p := res("aws_iam_policy", "read", {"name": "read", "policy": scoped_json})
	findings := policy.deny with input as doc([p])
	count(findings) == 0
}

test_deny_statement_passes if {
	j := `{"Statement":[{"Effect":"Deny","Action":"*","Resource":"*"}]}`
	p := res("aws_iam_policy", "guard", {"policy": j})
	findings := policy.deny with input as doc([p])
	count(findings) == 0
}

test_unknown_policy_no_finding if {
	p := res("aws_iam_policy", "x", {"policy": "${data.aws_iam_policy_document.x.json}"})
	q := res("aws_iam_group_policy", "y", {"policy": "${jsonencode(local.policy)}"})
	findings := policy.deny with input as doc([p, q])
	count(findings) == 0
}

test_unknown_field_inside_json_no_finding if {
	j := `{"Statement":[{"Effect":"Allow","Action":"${var.action}","Resource":"*"}]}`
	p := res("aws_iam_policy", "x", {"policy": j})
	findings := policy.deny with input as doc([p])
	count(findings) == 0
}

test_policy_document_data_source_denied if {
	d := data_res("aws_iam_policy_document", "admin", {"statement": [{"actions": ["*"], "resources": ["*"]}]})
	findings := policy.deny with input as doc([d])
	addresses(findings) == {"data.aws_iam_policy_document.admin"}
}

test_policy_document_scoped_passes if {
	d := data_res("aws_iam_policy_document", "ro", {"statement": [{"actions": ["s3:GetObject"], "resources": ["*"]}, {"effect": "Deny", "actions": ["*"], "resources": ["*"]}]})
	findings := policy.deny with input as doc([d])
	count(findings) == 0
}

test_policy_document_unknown_actions_no_finding if {
	d := data_res("aws_iam_policy_document", "x", {"statement": [{"actions": "${var.actions}", "resources": ["*"]}]})
	findings := policy.deny with input as doc([d])
	count(findings) == 0
}
