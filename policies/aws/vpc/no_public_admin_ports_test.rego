package rungs.aws.vpc.no_public_admin_ports_test

import rego.v1

import data.rungs.aws.vpc.no_public_admin_ports as policy

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

sg(ingress) := res("aws_security_group", "web", {"name": "web", "description": "web", "ingress": ingress})

test_ssh_open_to_world_denied if {
	findings := policy.deny with input as doc([sg([{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}])])
	addresses(findings) == {"aws_security_group.web"}
}

test_rdp_open_ipv6_denied if {
	findings := policy.deny with input as doc([sg([{"protocol": "tcp", "from_port": 3389, "to_port": 3389, "ipv6_cidr_blocks": ["::/0"]}])])
	count(findings) == 1
}

test_all_protocols_denied if {
	findings := policy.deny with input as doc([sg([{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}])])
	count(findings) == 1
}

test_wide_range_denied if {
	findings := policy.deny with input as doc([sg([{"protocol": "tcp", "from_port": 0, "to_port": 1024, "cidr_blocks": ["0.0.0.0/0"]}])])
	count(findings) == 1
}

test_https_open_passes if {
	findings := policy.deny with input as doc([sg([{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}])])
	count(findings) == 0
}

test_ssh_from_private_range_passes if {
	findings := policy.deny with input as doc([sg([{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["10.0.0.0/8"]}])])
	count(findings) == 0
}

test_security_group_rule_denied if {
	r := res("aws_security_group_rule", "ssh", {"type": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"], "security_group_id": "${aws_security_group.web.id}"})
	findings := policy.deny with input as doc([r])
	addresses(findings) == {"aws_security_group_rule.ssh"}
}

test_egress_rule_passes if {
	r := res("aws_security_group_rule", "out", {"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]})
	findings := policy.deny with input as doc([r])
	count(findings) == 0
}

test_vpc_ingress_rule_denied if {
	r := res("aws_vpc_security_group_ingress_rule", "rdp", {"ip_protocol": "tcp", "from_port": 3389, "to_port": 3389, "cidr_ipv4": "0.0.0.0/0"})
	findings := policy.deny with input as doc([r])
	addresses(findings) == {"aws_vpc_security_group_ingress_rule.rdp"}
}

test_vpc_ingress_rule_all_traffic_denied if {
	r := res("aws_vpc_security_group_ingress_rule", "all", {"ip_protocol": "-1", "cidr_ipv6": "::/0"})
	findings := policy.deny with input as doc([r])
	count(findings) == 1
}

test_unknown_values_no_finding if {
	findings := policy.deny with input as doc([
		sg([
			{"protocol": "tcp", "from_port": "${var.port}", "to_port": "${var.port}", "cidr_blocks": ["0.0.0.0/0"]},
			{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": "${var.admin_cidrs}"},
			{"protocol": "${var.proto}", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]},
		]),
		res("aws_vpc_security_group_ingress_rule", "x", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "${var.cidr}"}),
	])
	count(findings) == 0
}

test_rules_given_as_expressions_no_error if {
	findings := policy.deny with input as doc([sg(["${local.ssh_rule}", {"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"]}])])
	count(findings) == 1
}

test_unknown_sources_on_an_admin_port_are_not_judged if {
	inp := doc([
		res("aws_security_group", "admin", {"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": "${var.admin_cidrs}"}]}),
		res("aws_security_group_rule", "item", {"type": "ingress", "protocol": "tcp", "from_port": 3389, "to_port": 3389, "cidr_blocks": ["10.0.0.0/8", "${var.extra}"]}),
		res("aws_vpc_security_group_ingress_rule", "v4", {"ip_protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_ipv4": "${var.cidr}"}),
		res("aws_security_group", "https", {"ingress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": "${var.cidrs}"}]}),
	])
	count(policy.deny) == 0 with input as inp
	addresses(policy.unknown) == {"aws_security_group.admin", "aws_security_group_rule.item", "aws_vpc_security_group_ingress_rule.v4"} with input as inp
}

test_unknown_ports_open_to_the_world_are_not_judged if {
	inp := doc([
		res("aws_security_group_rule", "port", {"type": "ingress", "protocol": "tcp", "from_port": "${var.port}", "to_port": "${var.port}", "cidr_blocks": ["0.0.0.0/0"]}),
		res("aws_security_group_rule", "private", {"type": "ingress", "protocol": "tcp", "from_port": "${var.port}", "to_port": "${var.port}", "cidr_blocks": ["10.0.0.0/8"]}),
	])
	count(policy.deny) == 0 with input as inp
	addresses(policy.unknown) == {"aws_security_group_rule.port"} with input as inp
}
