package rungs.aws.vpc.default_security_group_closed_test

import rego.v1

import data.rungs.aws.vpc.default_security_group_closed as policy

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

test_default_sg_with_rules_denied if {
	sg := res("aws_default_security_group", "default", {"vpc_id": "${aws_vpc.main.id}", "ingress": [{"protocol": "-1", "self": true, "from_port": 0, "to_port": 0}], "egress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}]})
	findings := policy.deny with input as doc([sg])
	addresses(findings) == {"aws_default_security_group.default"}
}

test_default_sg_without_rules_passes if {
	sg := res("aws_default_security_group", "default", {"vpc_id": "${aws_vpc.main.id}"})
	findings := policy.deny with input as doc([sg])
	count(findings) == 0
}

test_empty_rule_lists_pass if {
	sg := res("aws_default_security_group", "default", {"vpc_id": "vpc-1", "ingress": [], "egress": []})
	findings := policy.deny with input as doc([sg])
	count(findings) == 0
}

test_unknown_rules_no_finding if {
	sg := res("aws_default_security_group", "default", {"vpc_id": "${var.vpc_id}", "ingress": "${var.rules}"})
	findings := policy.deny with input as doc([sg])
	count(findings) == 0
}

vpc := res("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"})

test_vpc_without_managed_default_group_denied if {
	addresses(policy.deny) == {"aws_vpc.main"} with input as doc([vpc])
	count(policy.unknown) == 0 with input as doc([vpc])
}

test_vpc_with_closed_default_group_passes if {
	sg := res("aws_default_security_group", "default", {"vpc_id": "${aws_vpc.main.id}"})
	count(policy.deny) == 0 with input as doc([vpc, sg])
	count(policy.unknown) == 0 with input as doc([vpc, sg])
}

test_default_group_of_another_vpc_does_not_cover if {
	other := res("aws_vpc", "other", {"cidr_block": "10.1.0.0/16"})
	sg := res("aws_default_security_group", "default", {"vpc_id": "${aws_vpc.other.id}"})
	addresses(policy.deny) == {"aws_vpc.main"} with input as doc([vpc, other, sg])
}

test_default_group_with_unknown_vpc_makes_vpc_unknown if {
	sg := res("aws_default_security_group", "default", {"vpc_id": "${var.vpc_id}"})
	count(policy.deny) == 0 with input as doc([vpc, sg])
	addresses(policy.unknown) == {"aws_vpc.main"} with input as doc([vpc, sg])
}
