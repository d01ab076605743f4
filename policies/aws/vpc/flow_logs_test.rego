package rungs.aws.vpc.flow_logs_test

import rego.v1

import data.rungs.aws.vpc.flow_logs as policy

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

vpc := res("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"})

flow(v) := res("aws_flow_log", "main", {"vpc_id": v, "traffic_type": "ALL"})

test_vpc_without_flow_log_denied if {
	findings := policy.deny with input as doc([vpc])
	addresses(findings) == {"aws_vpc.main"}
}

test_vpc_with_flow_log_passes if {
	findings := policy.deny with input as doc([vpc, flow("${aws_vpc.main.id}")])
	count(findings) == 0
}

test_flow_log_on_other_vpc_denied if {
	other := res("aws_vpc", "other", {"cidr_block": "10.1.0.0/16"})
	findings := policy.deny with input as doc([vpc, other, flow("${aws_vpc.other.id}")])
	addresses(findings) == {"aws_vpc.main"}
}

test_unknown_vpc_id_no_finding if {
	findings := policy.deny with input as doc([vpc, flow("${var.vpc_id}")])
	count(findings) == 0
}

test_unknown_vpc_id_makes_vpc_unknown if {
	addresses(policy.unknown) == {"aws_vpc.main"} with input as doc([vpc, flow("${var.vpc_id}")])
}

subnet(name, v) := res("aws_subnet", name, {"vpc_id": v})

subnet_flow(name, s) := res("aws_flow_log", name, {"subnet_id": s, "traffic_type": "ALL"})

test_flow_logs_on_every_subnet_pass if {
	rs := [vpc, subnet("a", "${aws_vpc.main.id}"), subnet("b", "${aws_vpc.main.id}"), subnet_flow("a", "${aws_subnet.a.id}"), subnet_flow("b", "${aws_subnet.b.id}")]
	count(policy.deny) == 0 with input as doc(rs)
	count(policy.unknown) == 0 with input as doc(rs)
}

test_a_subnet_without_flow_log_denied if {
	rs := [vpc, subnet("a", "${aws_vpc.main.id}"), subnet("b", "${aws_vpc.main.id}"), subnet_flow("a", "${aws_subnet.a.id}")]
	addresses(policy.deny) == {"aws_vpc.main"} with input as doc(rs)
}

test_subnet_of_unknown_vpc_makes_subnet_coverage_unknown if {
	rs := [vpc, subnet("a", "${aws_vpc.main.id}"), subnet("x", "${var.vpc_id}"), subnet_flow("a", "${aws_subnet.a.id}")]
	count(policy.deny) == 0 with input as doc(rs)
	addresses(policy.unknown) == {"aws_vpc.main"} with input as doc(rs)
}

test_subnet_flow_log_with_unknown_subnet_is_unknown if {
	rs := [vpc, subnet("a", "${aws_vpc.main.id}"), subnet_flow("a", "${var.subnet_id}")]
	addresses(policy.unknown) == {"aws_vpc.main"} with input as doc(rs)
}

test_eni_flow_log_does_not_cover_the_vpc if {
	eni := res("aws_network_interface", "app", {"subnet_id": "${aws_subnet.a.id}"})
	log := res("aws_flow_log", "eni", {"eni_id": "${aws_network_interface.app.id}", "traffic_type": "ALL"})
	rs := [vpc, subnet("a", "${aws_vpc.main.id}"), eni, log]
	addresses(policy.deny) == {"aws_vpc.main"} with input as doc(rs)
}
