package rungs.aws.sagemaker.notebook_no_root_test

import rego.v1

import data.rungs.aws.sagemaker.notebook_no_root as policy

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

test_disabled_passes if {
	d := doc([res("aws_sagemaker_notebook_instance", "x", {"root_access": "Disabled"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_argument_is_denied if {
	d := doc([res("aws_sagemaker_notebook_instance", "x", {})])
	addresses(policy.deny) == {"aws_sagemaker_notebook_instance.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_enabled_is_denied if {
	d := doc([res("aws_sagemaker_notebook_instance", "x", {"root_access": "Enabled"})])
	addresses(policy.deny) == {"aws_sagemaker_notebook_instance.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_setting_is_not_judged if {
	d := doc([res("aws_sagemaker_notebook_instance", "x", {"root_access": "${var.root}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_sagemaker_notebook_instance.x"} with input as d
}
