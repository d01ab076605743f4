package rungs.aws.vpc.security_group_descriptions_test

import rego.v1

import data.rungs.aws.vpc.security_group_descriptions as policy

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

test_group_without_description_denied if {
	findings := policy.deny with input as doc([res("aws_security_group", "web", {"name": "web"})])
	addresses(findings) == {"aws_security_group.web"}
}

test_default_description_denied if {
	findings := policy.deny with input as doc([res("aws_security_group", "web", {"name": "web", "description": "Managed by Terraform"})])
	count(findings) == 1
}

test_inline_rule_without_description_denied if {
	sg := res("aws_security_group", "web", {"name": "web", "description": "web tier", "ingress": [{"protocol": "tcp", "from_port": 443, "to_port": 443, "cidr_blocks": ["0.0.0.0/0"]}]})
	findings := policy.deny with input as doc([sg])
	addresses(findings) == {"aws_security_group.web"}
}

test_described_group_and_rules_pass if {
	sg := res("aws_security_group", "web", {"name": "web", "description": "web tier", "ingress": [{"description": "https", "protocol": "tcp", "from_port": 443, "to_port": 443}]})
	r1 := res("aws_vpc_security_group_ingress_rule", "https", {"description": "HTTPS", "ip_protocol": "tcp", "from_port": 443, "to_port": 443})
	r2 := res("aws_vpc_security_group_egress_rule", "all", {"description": "all out", "ip_protocol": "-1"})
	findings := policy.deny with input as doc([sg, r1, r2])
	count(findings) == 0
}

test_rule_resources_without_description_denied if {
	r1 := res("aws_security_group_rule", "a", {"type": "ingress", "protocol": "tcp", "from_port": 1, "to_port": 1})
	r2 := res("aws_vpc_security_group_egress_rule", "b", {"ip_protocol": "-1"})
	findings := policy.deny with input as doc([r1, r2])
	addresses(findings) == {"aws_security_group_rule.a", "aws_vpc_security_group_egress_rule.b"}
}

test_unknown_description_no_finding if {
	sg := res("aws_security_group", "web", {"name": "web", "description": "${var.description}", "egress": [{"description": "${var.rule_description}", "protocol": "-1"}]})
	r := res("aws_vpc_security_group_ingress_rule", "x", {"description": "${local.why}", "ip_protocol": "tcp"})
	findings := policy.deny with input as doc([sg, r])
	count(findings) == 0
}
