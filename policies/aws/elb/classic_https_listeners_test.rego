package rungs.aws.elb.classic_https_listeners_test

import rego.v1

import data.rungs.aws.elb.classic_https_listeners as policy

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

test_https_listener_passes if {
	d := doc([res("aws_elb", "x", {"listener": [{"lb_port": 443, "lb_protocol": "https", "instance_port": 8080, "instance_protocol": "http"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_http_listener_is_denied if {
	d := doc([res("aws_elb", "x", {"listener": [{"lb_port": 80, "lb_protocol": "HTTP", "instance_port": 8080, "instance_protocol": "http"}]})])
	addresses(policy.deny) == {"aws_elb.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_http_beside_https_is_denied if {
	d := doc([res("aws_elb", "x", {"listener": [{"lb_port": 443, "lb_protocol": "https"}, {"lb_port": 80, "lb_protocol": "http"}]})])
	addresses(policy.deny) == {"aws_elb.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_tcp_listener_passes if {
	d := doc([res("aws_elb", "x", {"listener": [{"lb_port": 5432, "lb_protocol": "tcp"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_protocol_is_not_judged if {
	d := doc([res("aws_elb", "x", {"listener": [{"lb_port": 443, "lb_protocol": "${var.protocol}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_elb.x"} with input as d
}

test_known_http_wins_over_unknown if {
	d := doc([res("aws_elb", "x", {"listener": [{"lb_protocol": "${var.protocol}"}, {"lb_protocol": "http"}]})])
	addresses(policy.deny) == {"aws_elb.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}
