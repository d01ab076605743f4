package rungs.aws.ec2.launch_configuration_no_public_ip_test

import rego.v1

import data.rungs.aws.ec2.launch_configuration_no_public_ip as policy

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

test_default_passes if {
	d := doc([res("aws_launch_configuration", "x", {})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_false_passes if {
	d := doc([res("aws_launch_configuration", "x", {"associate_public_ip_address": false})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_public_is_denied if {
	d := doc([res("aws_launch_configuration", "x", {"associate_public_ip_address": true})])
	addresses(policy.deny) == {"aws_launch_configuration.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_setting_is_not_judged if {
	d := doc([res("aws_launch_configuration", "x", {"associate_public_ip_address": "${var.public}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_launch_configuration.x"} with input as d
}
