package rungs.aws.iam.no_service_wildcards_test

import rego.v1

import data.rungs.aws.iam.no_service_wildcards as policy

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

test_service_wildcard_on_all_resources_denied if {
	j := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:*","ec2:Describe*"],"Resource":"*"}]}`
	findings := policy.deny with input as doc([res("aws_iam_policy", "ops", {"policy": j})])
	addresses(findings) == {"aws_iam_policy.ops"}
	some f in findings
	contains(f.message, "s3:*")
}

test_scoped_resource_passes if {
	j := `{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::acme-data/*"}]}`
	findings := policy.deny with input as doc([res("aws_iam_role_policy", "r", {"policy": j})])
	count(findings) == 0
}

test_listed_actions_pass if {
	j := `{"Statement":[{"Effect":"Allow","Action":["s3:GetObject","logs:PutLogEvents"],"Resource":"*"}]}`
	findings := policy.deny with input as doc([res("aws_iam_policy", "p", {"policy": j})])
	count(findings) == 0
}

test_full_wildcard_left_to_admin_policy if {
	j := `{"Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`
	findings := policy.deny with input as doc([res("aws_iam_policy", "p", {"policy": j})])
	count(findings) == 0
}

test_deny_statement_passes if {
	j := `{"Statement":[{"Effect":"Deny","Action":"iam:*","Resource":"*"}]}`
	findings := policy.deny with input as doc([res("aws_iam_policy", "p", {"policy": j})])
	count(findings) == 0
}

test_policy_document_denied if {
	d := data_res("aws_iam_policy_document", "ops", {"statement": [{"actions": ["iam:*"], "resources": ["*"]}]})
	findings := policy.deny with input as doc([d])
	addresses(findings) == {"data.aws_iam_policy_document.ops"}
}

test_unknown_no_finding if {
	j := `{"Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"${var.resource}"}]}`
	d := data_res("aws_iam_policy_document", "x", {"statement": [{"actions": "${var.actions}", "resources": ["*"]}, {"actions": ["s3:*"], "resources": "${var.resources}"}]})
	findings := policy.deny with input as doc([res("aws_iam_policy", "p", {"policy": j}), res("aws_iam_policy", "q", {"policy": "${data.aws_iam_policy_document.x.json}"}), d])
	count(findings) == 0
}

test_default_key_policy_root_grant_passes if {
	root := {"effect": "Allow", "actions": ["kms:*"], "resources": ["*"], "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}]}
	d := data_res("aws_iam_policy_document", "key", {"statement": [root]})
	count(policy.deny) == 0 with input as doc([d])
	# The same grant to a role is a wildcard finding.
	role := {"effect": "Allow", "actions": ["kms:*"], "resources": ["*"], "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:role/app"]}]}
	count(policy.deny) == 1 with input as doc([data_res("aws_iam_policy_document", "key", {"statement": [role]})])
	json := res("aws_iam_policy", "p", {"policy": "{\"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"kms:*\", \"Resource\": \"*\", \"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:root\"}}]}"})
	count(policy.deny) == 0 with input as doc([json])
}
