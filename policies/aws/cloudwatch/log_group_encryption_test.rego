package rungs.aws.cloudwatch.log_group_encryption_test

import rego.v1

import data.rungs.aws.cloudwatch.log_group_encryption as policy

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

group(cfg) := res("aws_cloudwatch_log_group", "app", object.union({"name": "/app"}, cfg))

test_missing_key_denied if {
	findings := policy.deny with input as doc([group({})])
	addresses(findings) == {"aws_cloudwatch_log_group.app"}
}

test_key_passes if {
	findings := policy.deny with input as doc([group({"kms_key_id": "arn:aws:kms:eu-west-1:111122223333:key/abc"})])
	count(findings) == 0
}

test_unknown_key_no_finding if {
	findings := policy.deny with input as doc([group({"kms_key_id": "${var.kms_key_arn}"})])
	count(findings) == 0
}
