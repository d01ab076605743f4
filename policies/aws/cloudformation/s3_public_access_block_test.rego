package rungs.aws.cloudformation.s3_public_access_block_test

import rego.v1

import data.rungs.aws.cloudformation.s3_public_access_block as policy

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

full := {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": "true"}}

test_missing_and_partial_blocks_denied if {
	partial := {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": false}}
	d := doc([res("AWS::S3::Bucket", "None", {}), res("AWS::S3::Bucket", "Partial", partial), res("AWS::S3::Bucket", "Full", full)])
	addresses(policy.deny) == {"None", "Partial"} with input as d
}

test_message_names_the_settings_off if {
	d := doc([res("AWS::S3::Bucket", "P", {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true}})])
	[f.message | some f in policy.deny] == ["S3 bucket does not block public access: RestrictPublicBuckets not true"] with input as d
}

test_unknown_setting_not_judged if {
	d := doc([res("AWS::S3::Bucket", "U", {"PublicAccessBlockConfiguration": {"BlockPublicAcls": true, "BlockPublicPolicy": true, "IgnorePublicAcls": true, "RestrictPublicBuckets": "${Strict}"}})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"U"} with input as d
}

test_unknown_block_not_judged if {
	d := doc([res("AWS::S3::Bucket", "U", {"PublicAccessBlockConfiguration": "${Fn::If Strict}"})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"U"} with input as d
}
