package rungs.aws.neptune.audit_log_export_test

import rego.v1

import data.rungs.aws.neptune.audit_log_export as policy

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

test_audit_export_passes if {
	d := doc([res("aws_neptune_cluster", "x", {"enable_cloudwatch_logs_exports": ["audit", "slowquery"]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_argument_is_denied if {
	d := doc([res("aws_neptune_cluster", "x", {})])
	addresses(policy.deny) == {"aws_neptune_cluster.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_slowquery_only_is_denied if {
	d := doc([res("aws_neptune_cluster", "x", {"enable_cloudwatch_logs_exports": ["slowquery"]})])
	addresses(policy.deny) == {"aws_neptune_cluster.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_list_is_not_judged if {
	d := doc([res("aws_neptune_cluster", "x", {"enable_cloudwatch_logs_exports": "${var.exports}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_neptune_cluster.x"} with input as d
}

test_unknown_item_is_not_judged if {
	d := doc([res("aws_neptune_cluster", "x", {"enable_cloudwatch_logs_exports": ["${var.log}"]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_neptune_cluster.x"} with input as d
}
