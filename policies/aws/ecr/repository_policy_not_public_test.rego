package rungs.aws.ecr.repository_policy_not_public_test

import rego.v1

import data.rungs.aws.ecr.repository_policy_not_public as policy

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

open_json := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}]}`

open_aws_json := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*"}]}`

scoped_json := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}},{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"*","Resource":"*"}]}`

r(p) := res("aws_ecr_repository_policy", "this", {"policy": p})

test_open_policy_denied if {
	addresses(policy.deny) == {"aws_ecr_repository_policy.this"} with input as doc([r(open_json)])
	addresses(policy.deny) == {"aws_ecr_repository_policy.this"} with input as doc([r(open_aws_json)])
}

test_scoped_policy_passes if {
	count(policy.deny) == 0 with input as doc([r(scoped_json)])
}

test_no_policy_passes if {
	count(policy.deny) == 0 with input as doc([res("aws_ecr_repository_policy", "this", {})])
}

test_policy_document_open_denied if {
	d := data_res("aws_iam_policy_document", "p", {"statement": [{"actions": ["*"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]})
	addresses(policy.deny) == {"aws_ecr_repository_policy.this"} with input as doc([d, r("${data.aws_iam_policy_document.p.json}")])
}

test_policy_document_with_condition_passes if {
	d := data_res("aws_iam_policy_document", "p", {"statement": [{"actions": ["*"], "principals": [{"type": "AWS", "identifiers": ["*"]}], "condition": [{"test": "StringEquals", "variable": "aws:SourceAccount", "values": ["111122223333"]}]}]})
	count(policy.deny) == 0 with input as doc([d, r("${data.aws_iam_policy_document.p.json}")])
}

test_unknown_policy_no_finding if {
	count(policy.deny) == 0 with input as doc([r("${var.policy}")])
	p := `{"Statement":[{"Effect":"Allow","Principal":{"AWS":"${var.consumer_arn}"},"Action":"*","Resource":"*"}]}`
	count(policy.deny) == 0 with input as doc([r(p)])
}
