package rungs.aws.rds.log_exports_test

import rego.v1

import data.rungs.aws.rds.log_exports as policy

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

test_exports_pass if {
	d := doc([res("aws_db_instance", "x", {"enabled_cloudwatch_logs_exports": ["postgresql"]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_argument_is_denied if {
	d := doc([res("aws_db_instance", "x", {})])
	addresses(policy.deny) == {"aws_db_instance.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_empty_list_is_denied if {
	d := doc([res("aws_db_instance", "x", {"enabled_cloudwatch_logs_exports": []})])
	addresses(policy.deny) == {"aws_db_instance.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_list_is_not_judged if {
	d := doc([res("aws_db_instance", "x", {"enabled_cloudwatch_logs_exports": "${var.exports}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_db_instance.x"} with input as d
}

test_list_with_unknown_item_passes if {
	d := doc([res("aws_db_instance", "x", {"enabled_cloudwatch_logs_exports": ["${var.log}"]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_cluster_without_exports_is_denied if {
	d := doc([res("aws_rds_cluster", "x", {"engine": "aurora-mysql"})])
	addresses(policy.deny) == {"aws_rds_cluster.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_serverless_v1_is_not_judged_here if {
	d := doc([res("aws_rds_cluster", "x", {"engine": "aurora-mysql", "engine_mode": "serverless"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}
