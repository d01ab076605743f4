package rungs.aws.vpc.no_unrestricted_ingress_test

import rego.v1

import data.rungs.aws.vpc.no_unrestricted_ingress as policy

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

test_all_protocols_from_world_denied if {
	findings := policy.deny with input as doc([sg([{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}])])
	addresses(findings) == {"aws_security_group.web"}
}

test_full_tcp_range_denied if {
	r := res("aws_security_group_rule", "all_tcp", {"type": "ingress", "protocol": "tcp", "from_port": 0, "to_port": 65535, "ipv6_cidr_blocks": ["::/0"]})
	findings := policy.deny with input as doc([r])
	addresses(findings) == {"aws_security_group_rule.all_tcp"}
}

test_vpc_ingress_rule_all_denied if {
	r := res("aws_vpc_security_group_ingress_rule", "all", {"ip_protocol": "-1", "cidr_ipv4": "0.0.0.0/0"})
	findings := policy.deny with input as doc([r])
	count(findings) == 1
}

test_single_port_passes if {
	findings := policy.deny with input as doc([sg([{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}])])
	count(findings) == 0
}

test_all_traffic_from_vpc_passes if {
	findings := policy.deny with input as doc([sg([{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["10.0.0.0/16"]}])])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([sg([
		{"protocol": "${var.protocol}", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]},
		{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["${var.cidr}"]},
		{"protocol": "tcp", "from_port": 0, "to_port": "${var.to}", "cidr_blocks": ["0.0.0.0/0"]},
	])])
	count(findings) == 0
}
