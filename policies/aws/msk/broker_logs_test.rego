package rungs.aws.msk.broker_logs_test

import rego.v1

import data.rungs.aws.msk.broker_logs as policy

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

test_cloudwatch_logs_pass if {
	d := doc([res("aws_msk_cluster", "x", {"logging_info": [{"broker_logs": [{"cloudwatch_logs": [{"enabled": true, "log_group": "msk"}]}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_s3_logs_pass if {
	d := doc([res("aws_msk_cluster", "x", {"logging_info": [{"broker_logs": [{"s3": [{"enabled": true, "bucket": "logs"}]}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_logging_is_denied if {
	d := doc([res("aws_msk_cluster", "x", {})])
	addresses(policy.deny) == {"aws_msk_cluster.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_disabled_destination_is_denied if {
	d := doc([res("aws_msk_cluster", "x", {"logging_info": [{"broker_logs": [{"firehose": [{"enabled": false}]}]}]})])
	addresses(policy.deny) == {"aws_msk_cluster.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_flag_is_not_judged if {
	d := doc([res("aws_msk_cluster", "x", {"logging_info": [{"broker_logs": [{"cloudwatch_logs": [{"enabled": "${var.logs}"}]}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_msk_cluster.x"} with input as d
}
