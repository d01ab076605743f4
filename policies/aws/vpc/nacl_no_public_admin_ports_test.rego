package rungs.aws.vpc.nacl_no_public_admin_ports_test

import rego.v1

import data.rungs.aws.vpc.nacl_no_public_admin_ports as policy

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

acl(ingress) := res("aws_network_acl", "public", {"vpc_id": "${aws_vpc.main.id}", "ingress": ingress})

rule(name, cfg) := res("aws_network_acl_rule", name, object.union({"network_acl_id": "${aws_network_acl.public.id}", "egress": false, "rule_action": "allow"}, cfg))

test_inline_ssh_from_internet_denied if {
	addresses(policy.deny) == {"aws_network_acl.public"} with input as doc([acl([{"rule_no": 100, "action": "allow", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22}])])
}

test_inline_all_traffic_denied if {
	addresses(policy.deny) == {"aws_network_acl.public"} with input as doc([acl([{"rule_no": 100, "action": "allow", "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0}])])
}

test_separate_rule_rdp_ipv6_denied if {
	r := rule("rdp", {"rule_number": 110, "protocol": "6", "ipv6_cidr_block": "::/0", "from_port": 3389, "to_port": 3389})
	addresses(policy.deny) == {"aws_network_acl_rule.rdp"} with input as doc([acl([]), r])
}

test_https_and_private_ranges_pass if {
	inline := [{"rule_no": 100, "action": "allow", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 443, "to_port": 443}, {"rule_no": 110, "action": "allow", "protocol": "tcp", "cidr_block": "10.0.0.0/8", "from_port": 22, "to_port": 22}]
	count(policy.deny) == 0 with input as doc([acl(inline)])
}

test_egress_and_deny_rules_pass if {
	e := rule("egress", {"egress": true, "rule_number": 100, "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0})
	d := rule("deny_ssh", {"rule_action": "deny", "rule_number": 90, "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22})
	count(policy.deny) == 0 with input as doc([acl([]), e, d])
}

test_earlier_deny_blocks_later_allow if {
	d := rule("deny_admin", {"rule_action": "deny", "rule_number": 50, "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 4000})
	a := rule("allow_all", {"rule_number": 100, "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0})
	count(policy.deny) == 0 with input as doc([acl([]), d, a])
}

test_later_deny_does_not_block if {
	a := rule("allow_all", {"rule_number": 100, "protocol": "-1", "cidr_block": "0.0.0.0/0", "from_port": 0, "to_port": 0})
	d := rule("deny_ssh", {"rule_action": "deny", "rule_number": 200, "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22})
	addresses(policy.deny) == {"aws_network_acl_rule.allow_all"} with input as doc([acl([]), d, a])
}

test_inline_deny_blocks_separate_allow_of_same_acl if {
	inline := [{"rule_no": 10, "action": "deny", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22}]
	a := rule("ssh", {"rule_number": 100, "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22})
	count(policy.deny) == 0 with input as doc([acl(inline), a])
}

test_unknown_values_no_finding if {
	inline := [{"rule_no": 100, "action": "allow", "protocol": "tcp", "cidr_block": "${var.admin_cidr}", "from_port": 22, "to_port": 22}, {"rule_no": 110, "action": "allow", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": "${var.port}", "to_port": "${var.port}"}]
	count(policy.deny) == 0 with input as doc([acl(inline)])
	r := rule("x", {"rule_number": 100, "egress": "${var.egress}", "protocol": "tcp", "cidr_block": "0.0.0.0/0", "from_port": 22, "to_port": 22})
	count(policy.deny) == 0 with input as doc([acl([]), r])
}
