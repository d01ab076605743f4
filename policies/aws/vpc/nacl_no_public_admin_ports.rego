# METADATA
# title: No network ACL opens SSH or RDP to the internet
# description: >-
#   No network ACL allows ingress from 0.0.0.0/0 or ::/0 to the remote
#   administration ports 22 and 3389, whether the rule is an inline `ingress`
#   block of aws_network_acl / aws_default_network_acl or a separate
#   aws_network_acl_rule. A lower-numbered deny rule of the same ACL that
#   blocks the port from the internet makes the allow rule harmless.
# custom:
#   id: RUNGS-AWS-VPC-006
#   severity: high
#   kind: resource
#   resource_types: [aws_network_acl, aws_default_network_acl, aws_network_acl_rule]
#   controls: [NET-1.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["5.2"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Allow administration ports only from known ranges (a VPN or bastion subnet):
#       resource "aws_network_acl_rule" "ssh_from_vpn" {
#         network_acl_id = aws_network_acl.private.id
#         rule_number    = 100
#         egress         = false
#         protocol       = "tcp"
#         rule_action    = "allow"
#         cidr_block     = "10.20.0.0/16"
#         from_port      = 22
#         to_port        = 22
#       }
package rungs.aws.vpc.nacl_no_public_admin_ports

import rego.v1

import data.rungs.lib

acl_types := ["aws_network_acl", "aws_default_network_acl"]

# The rule number as a number, or null when unknown (then no ordering is assumed).
rule_number(v) := n if n := lib.to_num(v)

rule_number(v) := null if not lib.to_num(v)

# Inline ingress blocks.
rules contains rule if {
	some t in acl_types
	some acl in lib.resources(t)
	some b in lib.blocks(acl, "ingress")
	rule := {
		"resource": acl,
		"group": acl.address,
		"number": rule_number(object.get(b, "rule_no", null)),
		"action": object.get(b, "action", null),
		"protocol": object.get(b, "protocol", null),
		"from_port": object.get(b, "from_port", null),
		"to_port": object.get(b, "to_port", null),
		"cidrs": [c | some key in ["cidr_block", "ipv6_cidr_block"]; c := object.get(b, key, null); c != null],
	}
}

# Separate rules; grouped with the ACL they designate, else by their network_acl_id text.
rules contains rule if {
	some r in lib.resources("aws_network_acl_rule")
	# The provider default for egress is false (an ingress rule); unknown is not judged.
	lib.falsy(lib.attr(r, "egress", false))
	rule := {
		"resource": r,
		"group": acl_group(r),
		"number": rule_number(lib.attr(r, "rule_number", null)),
		"action": lib.attr(r, "rule_action", null),
		"protocol": lib.attr(r, "protocol", null),
		"from_port": lib.attr(r, "from_port", null),
		"to_port": lib.attr(r, "to_port", null),
		"cidrs": [c | some key in ["cidr_block", "ipv6_cidr_block"]; c := lib.attr(r, key, null); c != null],
	}
}

# No loop before the `else`: regorus' VM never reaches the `else` of a body
# whose `some` loop finds nothing.
acl_group(r) := acls[0] if {
	acls := [acl.address |
		some t in acl_types
		some acl in lib.designated(lib.attr(r, "network_acl_id", null), t, lib.module_of(r))
	]
	count(acls) > 0
} else := concat("", ["id:", lib.module_of(r), ":", id]) if {
	id := lib.attr(r, "network_acl_id", "")
	is_string(id)
} else := r.address

action_is(rule, a) if {
	is_string(rule.action)
	lower(rule.action) == a
}

open_cidrs(rule) := {c | some c in rule.cidrs; lib.is_open_cidr(c)}

reaches(rule, p) if lib.rule_reaches_port(rule.protocol, rule.from_port, rule.to_port, p)

# A deny rule evaluated earlier in the same ACL blocks port p from the internet.
blocked(rule, p) if {
	is_number(rule.number)
	some d in rules
	d.group == rule.group
	is_number(d.number)
	d.number < rule.number
	action_is(d, "deny")
	count(open_cidrs(d)) > 0
	reaches(d, p)
}

deny contains finding if {
	some rule in rules
	action_is(rule, "allow")
	open := open_cidrs(rule)
	count(open) > 0
	ports := {p | some p in data.rungs.lib.admin_ports; reaches(rule, p); not blocked(rule, p)}
	count(ports) > 0
	finding := lib.finding(rule.resource, sprintf("Network ACL allows ingress from %s to remote administration port(s) %v", [concat(", ", sort(open)), sort(ports)]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_network_acl", "aws_default_network_acl", "aws_network_acl_rule"], ["ingress", "egress", "rule_action", "action", "protocol", "from_port", "to_port", "cidr_block", "ipv6_cidr_block"])
}
