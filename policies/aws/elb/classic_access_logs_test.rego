package rungs.aws.elb.classic_access_logs_test

import rego.v1

import data.rungs.aws.elb.classic_access_logs as policy

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

test_logging_passes if {
	d := doc([res("aws_elb", "x", {"access_logs": [{"bucket": "${aws_s3_bucket.logs.id}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_block_is_denied if {
	d := doc([res("aws_elb", "x", {})])
	addresses(policy.deny) == {"aws_elb.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_disabled_logging_is_denied if {
	d := doc([res("aws_elb", "x", {"access_logs": [{"bucket": "logs", "enabled": false}]})])
	addresses(policy.deny) == {"aws_elb.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_flag_is_not_judged if {
	d := doc([res("aws_elb", "x", {"access_logs": [{"bucket": "logs", "enabled": "${var.logs}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_elb.x"} with input as d
}
