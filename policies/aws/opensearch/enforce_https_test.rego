package rungs.aws.opensearch.enforce_https_test

import rego.v1

import data.rungs.aws.opensearch.enforce_https as policy

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

test_enforced_passes if {
	d := doc([res("aws_opensearch_domain", "x", {"domain_endpoint_options": [{"enforce_https": true}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_block_without_argument_passes if {
	d := doc([res("aws_opensearch_domain", "x", {"domain_endpoint_options": [{"tls_security_policy": "Policy-Min-TLS-1-2-2019-07"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_block_is_denied if {
	d := doc([res("aws_opensearch_domain", "x", {})])
	addresses(policy.deny) == {"aws_opensearch_domain.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_disabled_is_denied if {
	d := doc([res("aws_opensearch_domain", "x", {"domain_endpoint_options": [{"enforce_https": false}]})])
	addresses(policy.deny) == {"aws_opensearch_domain.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_flag_is_not_judged if {
	d := doc([res("aws_opensearch_domain", "x", {"domain_endpoint_options": [{"enforce_https": "${var.https}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_opensearch_domain.x"} with input as d
}
