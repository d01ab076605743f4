package rungs.aws.s3.account_public_access_block_test

import rego.v1

import data.rungs.aws.s3.account_public_access_block as policy

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

all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

test_complete_block_present if {
	policy.present with input as doc([res("aws_s3_account_public_access_block", "this", all_on)])
}

test_missing_block_not_present if {
	not policy.present with input as doc([res("aws_s3_bucket", "data", {"bucket": "x"})])
}

test_partial_block_not_present if {
	not policy.present with input as doc([res("aws_s3_account_public_access_block", "this", {"block_public_acls": true})])
}

test_unknown_settings_count_as_present if {
	cfg := {"block_public_acls": "${var.b}", "block_public_policy": "${var.b}", "ignore_public_acls": "${var.b}", "restrict_public_buckets": "${var.b}"}
	policy.present with input as doc([res("aws_s3_account_public_access_block", "this", cfg)])
}
