package rungs.aws.cloudformation.cloudtrail_kms_encryption_test

import rego.v1

import data.rungs.aws.cloudformation.cloudtrail_kms_encryption as policy

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
	res("AWS::CloudTrail::Trail", "Encrypted", {"IsLogging": true, "S3BucketName": "logs", "KMSKeyId": "${TrailKey}"}),
	res("AWS::CloudTrail::Trail", "Plain", {"IsLogging": true, "S3BucketName": "logs"}),
	res("AWS::CloudTrail::Trail", "Maybe", {"IsLogging": true, "S3BucketName": "logs", "KMSKeyId": "${KeyParam}"}),
	res("AWS::KMS::Key", "TrailKey", {}),
])

passing := doc([
	res("AWS::CloudTrail::Trail", "Encrypted", {"IsLogging": true, "S3BucketName": "logs", "KMSKeyId": "${TrailKey}"}),
	res("AWS::KMS::Key", "TrailKey", {}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Plain"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
