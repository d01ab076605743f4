package rungs.aws.iam.user_direct_permissions_test

import rego.v1

import data.rungs.aws.iam.user_direct_permissions as policy

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

test_inline_user_policy_denied if {
	p := res("aws_iam_user_policy", "alice", {"user": "${aws_iam_user.alice.name}", "policy": "{}"})
	findings := policy.deny with input as doc([p])
	addresses(findings) == {"aws_iam_user_policy.alice"}
}

test_user_attachment_denied if {
	p := res("aws_iam_user_policy_attachment", "alice", {"user": "alice", "policy_arn": "arn:aws:iam::aws:policy/ReadOnlyAccess"})
	findings := policy.deny with input as doc([p])
	addresses(findings) == {"aws_iam_user_policy_attachment.alice"}
}

test_policy_attachment_with_users_denied if {
	p := res("aws_iam_policy_attachment", "x", {"name": "x", "users": ["alice"], "policy_arn": "arn"})
	findings := policy.deny with input as doc([p])
	count(findings) == 1
}

test_group_attachment_passes if {
	p := res("aws_iam_policy_attachment", "x", {"name": "x", "groups": ["devs"], "users": [], "policy_arn": "arn"})
	g := res("aws_iam_group_policy_attachment", "devs", {"group": "devs", "policy_arn": "arn"})
	findings := policy.deny with input as doc([p, g])
	count(findings) == 0
}

test_unknown_users_no_finding if {
	p := res("aws_iam_policy_attachment", "x", {"name": "x", "users": "${var.users}", "policy_arn": "arn"})
	findings := policy.deny with input as doc([p])
	count(findings) == 0
}
