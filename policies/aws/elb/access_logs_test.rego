package rungs.aws.elb.access_logs_test

import rego.v1

import data.rungs.aws.elb.access_logs as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "aws", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

type_key(x) := concat(".", ["data", x.type]) if x.mode == "data"

type_key(x) := x.type if x.mode != "data"

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; type_key(x) == k] | some y in rs; k := type_key(y)},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

lb(cfg) := res("aws_lb", "app", object.union({"name": "app"}, cfg))

test_no_access_logs_denied if {
	addresses(policy.deny) == {"aws_lb.app"} with input as doc([lb({})])
	addresses(policy.deny) == {"aws_lb.app"} with input as doc([lb({"access_logs": [{"bucket": "acme-logs"}]})])
	addresses(policy.deny) == {"aws_lb.app"} with input as doc([lb({"load_balancer_type": "network", "access_logs": [{"bucket": "acme-logs", "enabled": false}]})])
}

test_access_logs_pass if {
	count(policy.deny) == 0 with input as doc([lb({"access_logs": [{"bucket": "acme-logs", "enabled": true}]})])
}

test_gateway_not_judged if {
	count(policy.deny) == 0 with input as doc([lb({"load_balancer_type": "gateway"})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([lb({"access_logs": [{"bucket": "${var.bucket}", "enabled": "${var.logs}"}]})])
	count(policy.deny) == 0 with input as doc([lb({"load_balancer_type": "${var.type}"})])
}
