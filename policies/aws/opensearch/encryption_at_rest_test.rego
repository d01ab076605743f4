package rungs.aws.opensearch.encryption_at_rest_test

import rego.v1

import data.rungs.aws.opensearch.encryption_at_rest as policy

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

test_encrypted_passes if {
	d := doc([res("aws_opensearch_domain", "x", {"encrypt_at_rest": [{"enabled": true}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_block_is_denied if {
	d := doc([res("aws_opensearch_domain", "x", {"domain_name": "x"})])
	addresses(policy.deny) == {"aws_opensearch_domain.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_disabled_is_denied if {
	d := doc([res("aws_opensearch_domain", "x", {"encrypt_at_rest": [{"enabled": false}]})])
	addresses(policy.deny) == {"aws_opensearch_domain.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_flag_is_not_judged if {
	d := doc([res("aws_opensearch_domain", "x", {"encrypt_at_rest": [{"enabled": "${var.encrypt}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_opensearch_domain.x"} with input as d
}

test_dynamic_block_is_not_judged if {
	d := doc([res("aws_opensearch_domain", "x", {"encrypt_at_rest": [{"enabled": true, "_for_each": "${var.encryption}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_opensearch_domain.x"} with input as d
}

test_elasticsearch_domain_is_denied if {
	d := doc([res("aws_elasticsearch_domain", "x", {})])
	addresses(policy.deny) == {"aws_elasticsearch_domain.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}
