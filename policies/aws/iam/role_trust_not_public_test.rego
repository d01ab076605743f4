package rungs.aws.iam.role_trust_not_public_test

import rego.v1

import data.rungs.aws.iam.role_trust_not_public as policy

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

role(trust) := res("aws_iam_role", "app", {"name": "app", "assume_role_policy": trust})

test_public_trust_json_denied if {
	j := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"*"}}]}`
	findings := policy.deny with input as doc([role(j)])
	addresses(findings) == {"aws_iam_role.app"}
}

test_bare_star_principal_denied if {
	j := `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":"*"}]}`
	findings := policy.deny with input as doc([role(j)])
	count(findings) == 1
}

test_service_principal_passes if {
	j := `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"ec2.amazonaws.com"}}]}`
	findings := policy.deny with input as doc([role(j)])
	count(findings) == 0
}

test_star_with_condition_passes if {
	j := `{"Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"AWS":"*"},"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}}]}`
	findings := policy.deny with input as doc([role(j)])
	count(findings) == 0
}

test_referenced_document_open_denied if {
	d := data_res("aws_iam_policy_document", "trust", {"statement": [{"actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]})
	findings := policy.deny with input as doc([d, role("${data.aws_iam_policy_document.trust.json}")])
	addresses(findings) == {"aws_iam_role.app"}
}

test_referenced_document_scoped_passes if {
	d := data_res("aws_iam_policy_document", "trust", {"statement": [{"actions": ["sts:AssumeRole"], "principals": [{"type": "Service", "identifiers": ["lambda.amazonaws.com"]}]}]})
	findings := policy.deny with input as doc([d, role("${data.aws_iam_policy_document.trust.json}")])
	count(findings) == 0
}

test_unknown_trust_no_finding if {
	findings := policy.deny with input as doc([role("${var.trust_policy}")])
	count(findings) == 0
}

test_unknown_identifiers_no_finding if {
	d := data_res("aws_iam_policy_document", "trust", {"statement": [{"actions": ["sts:AssumeRole"], "principals": [{"type": "AWS", "identifiers": "${var.trusted}"}]}]})
	findings := policy.deny with input as doc([d, role("${data.aws_iam_policy_document.trust.json}")])
	count(findings) == 0
}
