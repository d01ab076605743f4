package rungs.aws.cloudformation.s3_versioning_test

import rego.v1

import data.rungs.aws.cloudformation.s3_versioning as policy

res(t, id, props) := {"address": id, "ref": id, "type": t, "name": id, "provider": "cloudformation", "mode": "managed", "module": "", "file": "t.yaml", "line": 1, "end_line": 2, "config": props}

doc(rs) := {
	"schema_version": 1,
	"root": "t.yaml",
	"files": ["t.yaml"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
	"providers": [],
}

addresses(findings) := {f.resource | some f in findings}

cases := doc([
	res("AWS::S3::Bucket", "Versioned", {"VersioningConfiguration": {"Status": "Enabled"}}),
	res("AWS::S3::Bucket", "Plain", {}),
	res("AWS::S3::Bucket", "Suspended", {"VersioningConfiguration": {"Status": "Suspended"}}),
	res("AWS::S3::Bucket", "ByParam", {"VersioningConfiguration": {"Status": "${Mode}"}}),
	res("AWS::S3::Bucket", "ByCondition", {"VersioningConfiguration": "${Fn::If Prod}"}),
])

passing := doc([
	res("AWS::S3::Bucket", "Versioned", {"VersioningConfiguration": {"Status": "Enabled"}}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Plain", "Suspended"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"ByCondition", "ByParam"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
