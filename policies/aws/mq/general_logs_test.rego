package rungs.aws.mq.general_logs_test

import rego.v1

import data.rungs.aws.mq.general_logs as policy

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

test_general_log_passes if {
	d := doc([res("aws_mq_broker", "x", {"logs": [{"general": true}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_block_is_denied if {
	d := doc([res("aws_mq_broker", "x", {})])
	addresses(policy.deny) == {"aws_mq_broker.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_audit_only_is_denied if {
	d := doc([res("aws_mq_broker", "x", {"logs": [{"audit": true}]})])
	addresses(policy.deny) == {"aws_mq_broker.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_flag_is_not_judged if {
	d := doc([res("aws_mq_broker", "x", {"logs": [{"general": "${var.logs}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_mq_broker.x"} with input as d
}
