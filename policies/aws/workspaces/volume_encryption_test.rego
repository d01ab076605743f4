package rungs.aws.workspaces.volume_encryption_test

import rego.v1

import data.rungs.aws.workspaces.volume_encryption as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

test_both_encrypted_pass if {
	d := doc([res("aws_workspaces_workspace", "x", {"root_volume_encryption_enabled": true, "user_volume_encryption_enabled": true})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_defaults_are_denied if {
	d := doc([res("aws_workspaces_workspace", "x", {})])
	addresses(policy.deny) == {"aws_workspaces_workspace.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_user_volume_only_is_denied if {
	d := doc([res("aws_workspaces_workspace", "x", {"user_volume_encryption_enabled": true})])
	addresses(policy.deny) == {"aws_workspaces_workspace.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_setting_is_not_judged if {
	d := doc([res("aws_workspaces_workspace", "x", {"root_volume_encryption_enabled": true, "user_volume_encryption_enabled": "${var.enc}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_workspaces_workspace.x"} with input as d
}
