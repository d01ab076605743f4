package rungs.aws.iam.github_oidc_subject_test

import rego.v1

import data.rungs.aws.iam.github_oidc_subject as policy

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

provider_res := res("aws_iam_openid_connect_provider", "github", {"url": "https://token.actions.githubusercontent.com", "client_id_list": ["sts.amazonaws.com"]})

trust(cond) := json.marshal({"Version": "2012-10-17", "Statement": [object.union({"Effect": "Allow", "Principal": {"Federated": "${aws_iam_openid_connect_provider.github.arn}"}, "Action": "sts:AssumeRoleWithWebIdentity"}, cond)]})

role(policy_text) := res("aws_iam_role", "deploy", {"name": "deploy", "assume_role_policy": policy_text})

aud := {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com"}}

test_audience_only_denied if {
	addresses(policy.deny) == {"aws_iam_role.deploy"} with input as doc([provider_res, role(trust({"Condition": aud}))])
}

test_wildcard_subject_denied if {
	cond := {"Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "*"}}}
	addresses(policy.deny) == {"aws_iam_role.deploy"} with input as doc([provider_res, role(trust(cond))])
}

test_literal_provider_arn_denied if {
	p := json.marshal({"Statement": [{"Effect": "Allow", "Principal": {"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}, "Action": "sts:AssumeRoleWithWebIdentity"}]})
	addresses(policy.deny) == {"aws_iam_role.deploy"} with input as doc([role(p)])
}

test_pinned_subject_passes if {
	cond := {"Condition": {"StringEquals": {"token.actions.githubusercontent.com:aud": "sts.amazonaws.com", "token.actions.githubusercontent.com:sub": "repo:acme/app:ref:refs/heads/main"}}}
	count(policy.deny) == 0 with input as doc([provider_res, role(trust(cond))])
}

test_other_federation_not_judged if {
	other := res("aws_iam_openid_connect_provider", "github", {"url": "https://gitlab.example.com"})
	count(policy.deny) == 0 with input as doc([other, role(trust({"Condition": aud}))])
}

test_policy_document_without_subject_denied if {
	d := data_res("aws_iam_policy_document", "trust", {"statement": [{"actions": ["sts:AssumeRoleWithWebIdentity"], "principals": [{"type": "Federated", "identifiers": ["${aws_iam_openid_connect_provider.github.arn}"]}], "condition": [{"test": "StringEquals", "variable": "token.actions.githubusercontent.com:aud", "values": ["sts.amazonaws.com"]}]}]})
	addresses(policy.deny) == {"aws_iam_role.deploy"} with input as doc([provider_res, d, role("${data.aws_iam_policy_document.trust.json}")])
}

test_policy_document_with_subject_passes if {
	d := data_res("aws_iam_policy_document", "trust", {"statement": [{"actions": ["sts:AssumeRoleWithWebIdentity"], "principals": [{"type": "Federated", "identifiers": ["${aws_iam_openid_connect_provider.github.arn}"]}], "condition": [{"test": "StringLike", "variable": "token.actions.githubusercontent.com:sub", "values": ["repo:acme/app:*"]}]}]})
	count(policy.deny) == 0 with input as doc([provider_res, d, role("${data.aws_iam_policy_document.trust.json}")])
}

test_unknown_subject_no_finding if {
	cond := {"Condition": {"StringLike": {"token.actions.githubusercontent.com:sub": "repo:${var.repository}:*"}}}
	count(policy.deny) == 0 with input as doc([provider_res, role(trust(cond))])
	count(policy.deny) == 0 with input as doc([provider_res, role("${var.trust_policy}")])
}

test_data_source_provider_denied if {
	ds := data_res("aws_iam_openid_connect_provider", "github", {"url": "https://token.actions.githubusercontent.com"})
	p := json.marshal({"Statement": [{"Effect": "Allow", "Principal": {"Federated": "${data.aws_iam_openid_connect_provider.github.arn}"}, "Action": "sts:AssumeRoleWithWebIdentity"}]})
	addresses(policy.deny) == {"aws_iam_role.deploy"} with input as doc([ds, role(p)])
}
