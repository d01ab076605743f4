package rungs.aws.opensearch.log_publishing_test

import rego.v1

import data.rungs.aws.opensearch.log_publishing as policy

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

test_audit_log_passes if {
	d := doc([res("aws_opensearch_domain", "x", {"log_publishing_options": [{"log_type": "AUDIT_LOGS", "cloudwatch_log_group_arn": "${aws_cloudwatch_log_group.a.arn}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_block_is_denied if {
	d := doc([res("aws_opensearch_domain", "x", {})])
	addresses(policy.deny) == {"aws_opensearch_domain.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_disabled_log_is_denied if {
	d := doc([res("aws_opensearch_domain", "x", {"log_publishing_options": [{"log_type": "AUDIT_LOGS", "enabled": false}]})])
	addresses(policy.deny) == {"aws_opensearch_domain.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_one_enabled_log_of_two_passes if {
	d := doc([res("aws_opensearch_domain", "x", {"log_publishing_options": [{"log_type": "AUDIT_LOGS", "enabled": false}, {"log_type": "ES_APPLICATION_LOGS"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_flag_is_not_judged if {
	d := doc([res("aws_opensearch_domain", "x", {"log_publishing_options": [{"log_type": "AUDIT_LOGS", "enabled": "${var.audit}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_opensearch_domain.x"} with input as d
}

test_dynamic_block_is_not_judged if {
	d := doc([res("aws_opensearch_domain", "x", {"log_publishing_options": [{"log_type": "${each.value}", "_for_each": "${var.logs}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_opensearch_domain.x"} with input as d
}
