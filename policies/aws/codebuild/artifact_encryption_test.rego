package rungs.aws.codebuild.artifact_encryption_test

import rego.v1

import data.rungs.aws.codebuild.artifact_encryption as policy

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
	d := doc([res("aws_codebuild_project", "x", {"artifacts": [{"type": "S3", "location": "b"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_disabled_encryption_is_denied if {
	d := doc([res("aws_codebuild_project", "x", {"artifacts": [{"type": "S3", "encryption_disabled": true}]})])
	addresses(policy.deny) == {"aws_codebuild_project.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_secondary_artifacts_are_judged if {
	d := doc([res("aws_codebuild_project", "x", {"artifacts": [{"type": "S3"}], "secondary_artifacts": [{"type": "S3", "artifact_identifier": "b", "encryption_disabled": true}]})])
	addresses(policy.deny) == {"aws_codebuild_project.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_setting_is_not_judged if {
	d := doc([res("aws_codebuild_project", "x", {"artifacts": [{"type": "S3", "encryption_disabled": "${var.plain}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_codebuild_project.x"} with input as d
}

test_unknown_artifacts_block_is_unknown if {
	d := doc([
		res("aws_codebuild_project", "u", {"artifacts": "${var.artifacts}"}),
		res("aws_codebuild_project", "s", {"artifacts": [{"type": "NO_ARTIFACTS"}], "secondary_artifacts": "${var.more}"}),
	])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_codebuild_project.u", "aws_codebuild_project.s"} with input as d
}
