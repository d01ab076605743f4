package rungs.aws.cloudfront.origin_https_test

import rego.v1

import data.rungs.aws.cloudfront.origin_https as policy

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

test_https_only_passes if {
	d := doc([res("aws_cloudfront_distribution", "x", {"origin": [{"origin_id": "a", "custom_origin_config": [{"origin_protocol_policy": "https-only"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_http_only_is_denied if {
	d := doc([res("aws_cloudfront_distribution", "x", {"origin": [{"origin_id": "a", "custom_origin_config": [{"origin_protocol_policy": "http-only"}]}]})])
	addresses(policy.deny) == {"aws_cloudfront_distribution.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_second_origin_http_only_is_denied if {
	d := doc([res("aws_cloudfront_distribution", "x", {"origin": [{"origin_id": "a", "custom_origin_config": [{"origin_protocol_policy": "https-only"}]}, {"origin_id": "b", "custom_origin_config": [{"origin_protocol_policy": "http-only"}]}]})])
	addresses(policy.deny) == {"aws_cloudfront_distribution.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_s3_origin_passes if {
	d := doc([res("aws_cloudfront_distribution", "x", {"origin": [{"origin_id": "s3", "origin_access_control_id": "${aws_cloudfront_origin_access_control.s3.id}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_policy_is_not_judged if {
	d := doc([res("aws_cloudfront_distribution", "x", {"origin": [{"origin_id": "a", "custom_origin_config": [{"origin_protocol_policy": "${var.proto}"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_cloudfront_distribution.x"} with input as d
}

test_unknown_origin_block_is_unknown if {
	d := doc([
		res("aws_cloudfront_distribution", "u", {"origin": "${var.origins}"}),
		res("aws_cloudfront_distribution", "c", {"origin": [{"custom_origin_config": "${var.origin_config}"}]}),
	])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_cloudfront_distribution.u", "aws_cloudfront_distribution.c"} with input as d
}
