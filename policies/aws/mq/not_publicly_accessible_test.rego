package rungs.aws.mq.not_publicly_accessible_test

import rego.v1

import data.rungs.aws.mq.not_publicly_accessible as policy

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

test_private_passes if {
	d := doc([res("aws_mq_broker", "x", {"publicly_accessible": false})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_default_passes if {
	d := doc([res("aws_mq_broker", "x", {})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_public_is_denied if {
	d := doc([res("aws_mq_broker", "x", {"publicly_accessible": true})])
	addresses(policy.deny) == {"aws_mq_broker.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_setting_is_not_judged if {
	d := doc([res("aws_mq_broker", "x", {"publicly_accessible": "${var.public}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_mq_broker.x"} with input as d
}
