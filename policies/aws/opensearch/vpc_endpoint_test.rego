package rungs.aws.opensearch.vpc_endpoint_test

import rego.v1

import data.rungs.aws.opensearch.vpc_endpoint as policy

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

test_vpc_domain_passes if {
	d := doc([res("aws_opensearch_domain", "x", {"vpc_options": [{"subnet_ids": ["${aws_subnet.a.id}"]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_block_is_denied if {
	d := doc([res("aws_opensearch_domain", "x", {})])
	addresses(policy.deny) == {"aws_opensearch_domain.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_empty_subnets_are_denied if {
	d := doc([res("aws_opensearch_domain", "x", {"vpc_options": [{"subnet_ids": []}]})])
	addresses(policy.deny) == {"aws_opensearch_domain.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_subnets_are_not_judged if {
	d := doc([res("aws_opensearch_domain", "x", {"vpc_options": [{"subnet_ids": "${var.subnets}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_opensearch_domain.x"} with input as d
}
