package rungs.aws.guardduty.delegated_admin_test

import rego.v1

import data.rungs.aws.guardduty.delegated_admin as policy

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

test_admin_account_present if {
	policy.present with input as doc([res("aws_guardduty_organization_admin_account", "security", {"admin_account_id": "222233334444"})])
}

test_generic_delegation_present if {
	policy.present with input as doc([res("aws_organizations_delegated_administrator", "gd", {"account_id": "222233334444", "service_principal": "guardduty.amazonaws.com"})])
}

test_other_service_delegation_not_present if {
	not policy.present with input as doc([res("aws_organizations_delegated_administrator", "sh", {"account_id": "222233334444", "service_principal": "securityhub.amazonaws.com"})])
}

test_nothing_not_present if {
	not policy.present with input as doc([res("aws_guardduty_detector", "this", {"enable": true})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([res("aws_guardduty_organization_admin_account", "security", {"admin_account_id": "${var.security_account_id}"})])
	policy.present with input as doc([res("aws_organizations_delegated_administrator", "x", {"account_id": "1", "service_principal": "${var.principal}"})])
}
