package rungs.aws.iam.no_user_access_keys_test

import rego.v1

import data.rungs.aws.iam.no_user_access_keys as policy

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

test_access_key_denied if {
	k := res("aws_iam_access_key", "ci", {"user": "${aws_iam_user.ci.name}"})
	findings := policy.deny with input as doc([k])
	addresses(findings) == {"aws_iam_access_key.ci"}
}

test_no_access_key_passes if {
	findings := policy.deny with input as doc([res("aws_iam_user", "ci", {"name": "ci"})])
	count(findings) == 0
}

test_unknown_user_still_a_key if {
	# The key is active whatever its user is.
	k := res("aws_iam_access_key", "ci", {"user": "${var.user}"})
	findings := policy.deny with input as doc([k])
	count(findings) == 1
}

test_inactive_key_passes if {
	k := res("aws_iam_access_key", "old", {"user": "ci", "status": "Inactive"})
	findings := policy.deny with input as doc([k])
	count(findings) == 0
}

test_explicit_active_denied if {
	k := res("aws_iam_access_key", "ci", {"user": "ci", "status": "Active"})
	findings := policy.deny with input as doc([k])
	count(findings) == 1
}

test_unknown_status_no_finding if {
	k := res("aws_iam_access_key", "ci", {"user": "ci", "status": "${var.key_status}"})
	findings := policy.deny with input as doc([k])
	count(findings) == 0
}

test_empty_input_passes if {
	findings := policy.deny with input as {}
	count(findings) == 0
}
