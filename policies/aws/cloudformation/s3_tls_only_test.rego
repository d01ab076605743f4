package rungs.aws.cloudformation.s3_tls_only_test

import rego.v1

import data.rungs.aws.cloudformation.s3_tls_only as policy

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
	res("AWS::S3::Bucket", "Data", {"BucketName": "data"}),
	res("AWS::S3::BucketPolicy", "DataPolicy", {"Bucket": "${Data}", "PolicyDocument": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["${Data.Arn}"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}),
	res("AWS::S3::Bucket", "Named", {"BucketName": "named-bucket"}),
	res("AWS::S3::BucketPolicy", "NamedPolicy", {"Bucket": "named-bucket", "PolicyDocument": {"Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::named-bucket/*", "Condition": {"Bool": {"aws:SecureTransport": false}}}}}),
	res("AWS::S3::Bucket", "Plain", {}),
	res("AWS::S3::Bucket", "ReadOnly", {}),
	res("AWS::S3::BucketPolicy", "ReadOnlyPolicy", {"Bucket": "${ReadOnly}", "PolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "s3:GetObject", "Resource": "arn:aws:s3:::ro/*"}]}}),
	res("AWS::S3::Bucket", "Maybe", {}),
	res("AWS::S3::BucketPolicy", "MaybePolicy", {"Bucket": "${Maybe}", "PolicyDocument": "${Fn::If Strict}"}),
])

passing := doc([
	res("AWS::S3::Bucket", "Data", {"BucketName": "data"}),
	res("AWS::S3::BucketPolicy", "DataPolicy", {"Bucket": "${Data}", "PolicyDocument": {"Statement": [{"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": ["${Data.Arn}"], "Condition": {"Bool": {"aws:SecureTransport": "false"}}}]}}),
	res("AWS::S3::Bucket", "Named", {"BucketName": "named-bucket"}),
	res("AWS::S3::BucketPolicy", "NamedPolicy", {"Bucket": "named-bucket", "PolicyDocument": {"Statement": {"Effect": "Deny", "Principal": "*", "Action": "s3:*", "Resource": "arn:aws:s3:::named-bucket/*", "Condition": {"Bool": {"aws:SecureTransport": false}}}}}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Plain", "ReadOnly"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}

test_a_policy_for_an_unknown_bucket_leaves_others_unjudged if {
d := doc([res("AWS::S3::Bucket", "Plain", {}), res("AWS::S3::BucketPolicy", "P", {"Bucket": "${BucketParam}", "PolicyDocument": {"Statement": []}})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"Plain"} with input as d
}
