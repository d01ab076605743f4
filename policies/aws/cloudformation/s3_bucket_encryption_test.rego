package rungs.aws.cloudformation.s3_bucket_encryption_test

import rego.v1

import data.rungs.aws.cloudformation.s3_bucket_encryption as policy

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

enc := {"BucketEncryption": {"ServerSideEncryptionConfiguration": [{"ServerSideEncryptionByDefault": {"SSEAlgorithm": "aws:kms"}}]}}

test_bucket_without_encryption_denied if {
	input_doc := doc([res("AWS::S3::Bucket", "Plain", {}), res("AWS::S3::Bucket", "Enc", enc)])
	addresses(policy.deny) == {"Plain"} with input as input_doc
}

test_empty_rules_denied if {
	addresses(policy.deny) == {"B"} with input as doc([res("AWS::S3::Bucket", "B", {"BucketEncryption": {"ServerSideEncryptionConfiguration": []}})])
}

test_unknown_encryption_not_judged if {
	d := doc([res("AWS::S3::Bucket", "B", {"BucketEncryption": "${Fn::If UseKms}"})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"B"} with input as d
}
