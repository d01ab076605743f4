package rungs.aws.elb.drop_invalid_headers_test

import rego.v1

import data.rungs.aws.elb.drop_invalid_headers as policy

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

test_default_denied if {
	addresses(policy.deny) == {"aws_lb.app"} with input as doc([lb({})])
	addresses(policy.deny) == {"aws_lb.app"} with input as doc([lb({"load_balancer_type": "application", "drop_invalid_header_fields": false})])
}

test_enabled_passes if {
	count(policy.deny) == 0 with input as doc([lb({"drop_invalid_header_fields": true})])
}

test_network_not_judged if {
	count(policy.deny) == 0 with input as doc([lb({"load_balancer_type": "network"})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([lb({"drop_invalid_header_fields": "${var.drop_invalid}"})])
	count(policy.deny) == 0 with input as doc([lb({"load_balancer_type": "${var.type}"})])
}
