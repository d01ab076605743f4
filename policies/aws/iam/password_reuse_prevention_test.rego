package rungs.aws.iam.password_reuse_prevention_test

import rego.v1

import data.rungs.aws.iam.password_reuse_prevention as policy

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

pp(cfg) := res("aws_iam_account_password_policy", "this", cfg)

test_reuse_prevention_24_present if {
	policy.present with input as doc([pp({"minimum_password_length": 14, "password_reuse_prevention": 24})])
	policy.present with input as doc([pp({"password_reuse_prevention": "24"})])
}

test_short_history_not_present if {
	not policy.present with input as doc([pp({"minimum_password_length": 14, "password_reuse_prevention": 5})])
}

test_absent_not_present if {
	not policy.present with input as doc([pp({"minimum_password_length": 14})])
	not policy.present with input as doc([res("aws_iam_role", "r", {})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([pp({"password_reuse_prevention": "${var.password_history}"})])
}
