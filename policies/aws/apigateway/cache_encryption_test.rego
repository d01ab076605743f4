package rungs.aws.apigateway.cache_encryption_test

import rego.v1

import data.rungs.aws.apigateway.cache_encryption as policy

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

test_encrypted_cache_passes if {
	d := doc([res("aws_api_gateway_method_settings", "x", {"settings": [{"caching_enabled": true, "cache_data_encrypted": true}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unencrypted_cache_is_denied if {
	d := doc([res("aws_api_gateway_method_settings", "x", {"settings": [{"caching_enabled": true}]})])
	addresses(policy.deny) == {"aws_api_gateway_method_settings.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_cache_passes if {
	d := doc([res("aws_api_gateway_method_settings", "x", {"settings": [{"metrics_enabled": true}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_encryption_is_not_judged if {
	d := doc([res("aws_api_gateway_method_settings", "x", {"settings": [{"caching_enabled": true, "cache_data_encrypted": "${var.enc}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_api_gateway_method_settings.x"} with input as d
}

test_unknown_caching_is_not_judged if {
	d := doc([res("aws_api_gateway_method_settings", "x", {"settings": [{"caching_enabled": "${var.cache}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_api_gateway_method_settings.x"} with input as d
}

test_unknown_caching_with_encryption_passes if {
	d := doc([res("aws_api_gateway_method_settings", "x", {"settings": [{"caching_enabled": "${var.cache}", "cache_data_encrypted": true}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_settings_block_is_unknown if {
	d := doc([res("aws_api_gateway_method_settings", "x", {"settings": "${var.settings}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_api_gateway_method_settings.x"} with input as d
}
