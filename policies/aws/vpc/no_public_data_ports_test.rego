package rungs.aws.vpc.no_public_data_ports_test

import rego.v1

import data.rungs.aws.vpc.no_public_data_ports as policy

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

test_postgres_from_internet_is_denied if {
	d := doc([res("aws_security_group", "db", {"ingress": [{"protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["0.0.0.0/0"]}]})])
	addresses(policy.deny) == {"aws_security_group.db"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_redis_from_ipv6_internet_is_denied if {
	d := doc([res("aws_vpc_security_group_ingress_rule", "redis", {"ip_protocol": "tcp", "from_port": 6379, "to_port": 6379, "cidr_ipv6": "::/0"})])
	addresses(policy.deny) == {"aws_vpc_security_group_ingress_rule.redis"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_range_covering_mysql_is_denied if {
	d := doc([res("aws_security_group_rule", "wide", {"type": "ingress", "protocol": "tcp", "from_port": 3000, "to_port": 4000, "cidr_blocks": ["0.0.0.0/0"]})])
	addresses(policy.deny) == {"aws_security_group_rule.wide"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_https_from_internet_passes if {
	d := doc([res("aws_security_group", "web", {"ingress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_postgres_from_vpc_passes if {
	d := doc([res("aws_security_group", "db", {"ingress": [{"protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["10.0.0.0/16"]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_egress_rule_is_not_judged if {
	d := doc([res("aws_security_group_rule", "out", {"type": "egress", "protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["0.0.0.0/0"]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_port_from_internet_is_not_judged if {
	d := doc([res("aws_security_group", "db", {"ingress": [{"protocol": "tcp", "from_port": "${var.port}", "to_port": "${var.port}", "cidr_blocks": ["0.0.0.0/0"]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_security_group.db"} with input as d
}

test_unknown_sources_to_postgres_are_not_judged if {
	d := doc([res("aws_security_group", "db", {"ingress": [{"protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": "${var.clients}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_security_group.db"} with input as d
}

test_unknown_sources_to_https_pass if {
	d := doc([res("aws_security_group", "web", {"ingress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": "${var.clients}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_ingress_type_and_sources_are_unknown if {
	d := doc([
		res("aws_security_group", "sg", {"ingress": "${var.rules}"}),
		res("aws_security_group_rule", "t", {"type": "${var.type}", "protocol": "tcp", "from_port": 5432, "to_port": 5432, "cidr_blocks": ["0.0.0.0/0"]}),
		res("aws_vpc_security_group_ingress_rule", "p", {"ip_protocol": "tcp", "from_port": "${var.port}", "to_port": "${var.port}", "cidr_ipv4": "${var.cidr}"}),
		res("aws_vpc_security_group_ingress_rule", "h", {"ip_protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_ipv4": "${var.cidr}"}),
	])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_security_group.sg", "aws_security_group_rule.t", "aws_vpc_security_group_ingress_rule.p"} with input as d
}
