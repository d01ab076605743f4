package rungs.aws.ec2.launch_configuration_imdsv2_test

import rego.v1

import data.rungs.aws.ec2.launch_configuration_imdsv2 as policy

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

test_required_passes if {
	d := doc([res("aws_launch_configuration", "x", {"metadata_options": [{"http_tokens": "required"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_block_is_denied if {
	d := doc([res("aws_launch_configuration", "x", {})])
	addresses(policy.deny) == {"aws_launch_configuration.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_optional_is_denied if {
	d := doc([res("aws_launch_configuration", "x", {"metadata_options": [{"http_tokens": "optional"}]})])
	addresses(policy.deny) == {"aws_launch_configuration.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_disabled_endpoint_passes if {
	d := doc([res("aws_launch_configuration", "x", {"metadata_options": [{"http_endpoint": "disabled"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_tokens_are_not_judged if {
	d := doc([res("aws_launch_configuration", "x", {"metadata_options": [{"http_tokens": "${var.tokens}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_launch_configuration.x"} with input as d
}
