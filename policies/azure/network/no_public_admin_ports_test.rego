package rungs.azure.network.no_public_admin_ports_test

import rego.v1

import data.rungs.azure.network.no_public_admin_ports as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "azurerm", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "azurerm", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

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

rule(cfg) := object.union({"name": "r", "priority": 200, "direction": "Inbound", "access": "Allow", "protocol": "Tcp", "source_port_range": "*", "destination_address_prefix": "*"}, cfg)

nsg(rules) := res("azurerm_network_security_group", "web", {"name": "nsg-web", "security_rule": rules})

sep(name, cfg) := res("azurerm_network_security_rule", name, object.union(rule(cfg), {"network_security_group_name": "${azurerm_network_security_group.web.name}"}))

test_ssh_from_internet_denied if {
	findings := policy.deny with input as doc([nsg([rule({"destination_port_range": "22", "source_address_prefix": "Internet"})])])
	addresses(findings) == {"azurerm_network_security_group.web"}
}

test_rdp_in_range_and_list_denied if {
	count(policy.deny) == 1 with input as doc([nsg([rule({"destination_port_ranges": ["80", "3000-4000"], "source_address_prefix": "*"})])])
	count(policy.deny) == 1 with input as doc([nsg([rule({"destination_port_range": "*", "source_address_prefixes": ["10.0.0.0/8", "0.0.0.0/0"]})])])
	count(policy.deny) == 1 with input as doc([nsg([rule({"destination_port_range": "22", "protocol": "*", "source_address_prefix": "Any"})])])
}

test_separate_rule_denied if {
	findings := policy.deny with input as doc([nsg([]), sep("ssh", {"destination_port_range": "22", "source_address_prefix": "0.0.0.0/0"})])
	addresses(findings) == {"azurerm_network_security_rule.ssh"}
}

test_safe_rules_pass if {
	count(policy.deny) == 0 with input as doc([nsg([
		rule({"destination_port_range": "443", "source_address_prefix": "Internet"}),
		rule({"destination_port_range": "22", "source_address_prefix": "10.100.0.0/16"}),
		rule({"destination_port_range": "22", "source_address_prefix": "Internet", "access": "Deny"}),
		rule({"destination_port_range": "22", "source_address_prefix": "Internet", "direction": "Outbound"}),
		rule({"destination_port_range": "3389", "source_address_prefix": "Internet", "protocol": "Udp"}),
	])])
}

test_shadowed_by_earlier_deny_companion_passes if {
	allow := rule({"priority": 300, "destination_port_range": "22", "source_address_prefix": "Internet"})
	deny_ssh := sep("deny_ssh", {"priority": 100, "access": "Deny", "protocol": "*", "destination_port_range": "22", "source_address_prefix": "*"})
	count(policy.deny) == 0 with input as doc([nsg([allow]), deny_ssh])
}

test_later_deny_does_not_help if {
	allow := rule({"priority": 100, "destination_port_range": "22", "source_address_prefix": "Internet"})
	deny_ssh := sep("deny_ssh", {"priority": 300, "access": "Deny", "protocol": "*", "destination_port_range": "22", "source_address_prefix": "*"})
	count(policy.deny) == 1 with input as doc([nsg([allow]), deny_ssh])
}

test_unknown_values_not_judged if {
	count(policy.deny) == 0 with input as doc([nsg([
		rule({"destination_port_range": "${var.port}", "source_address_prefix": "Internet"}),
		rule({"destination_port_range": "22", "source_address_prefix": "${var.admin_cidr}"}),
		rule({"destination_port_range": "22", "source_address_prefix": "*", "access": "${var.access}"}),
		rule({"destination_port_ranges": "${var.ports}", "source_address_prefix": "*"}),
	])])
}

test_unknown_deny_may_shadow if {
	allow := rule({"priority": 300, "destination_port_range": "22", "source_address_prefix": "Internet"})
	maybe := res("azurerm_network_security_rule", "maybe", object.union(rule({"priority": 100, "access": "${var.access}", "destination_port_range": "22", "source_address_prefix": "*"}), {"network_security_group_name": "${var.nsg_name}"}))
	count(policy.deny) == 0 with input as doc([nsg([allow]), maybe])
}

# Issue 12: an SSH allow from the internet at priority 300 and a Deny of port 22 whose priority is
# `var.p`. The Deny may be evaluated first (any priority below 300), so whether SSH is open cannot
# be known: like every unknown value here, it is not judged, and no finding is the right decision.
# OPA v1 used to deny it: it hoisted lib.to_num out of `not is_number(lib.to_num(p))`, so
# maybe_before was undefined instead of true. Both engines must give no finding.
test_deny_with_unknown_priority_may_shadow if {
	allow := rule({"priority": 300, "destination_port_range": "22", "source_address_prefix": "Internet"})
	deny_ssh := sep("deny_ssh", {"priority": "${var.p}", "access": "Deny", "protocol": "*", "destination_port_range": "22", "source_address_prefix": "*"})
	count(policy.deny) == 0 with input as doc([nsg([allow]), deny_ssh])
	# With a known priority after the allow, the same Deny does not help.
	later := sep("deny_ssh", {"priority": 400, "access": "Deny", "protocol": "*", "destination_port_range": "22", "source_address_prefix": "*"})
	count(policy.deny) == 1 with input as doc([nsg([allow]), later])
}

test_rules_given_as_expressions_no_error if {
	count(policy.deny) == 1 with input as doc([nsg(["${local.rule}", rule({"destination_port_range": "22", "source_address_prefix": "*"})])])
}

test_unknown_sources_or_ports_are_unknown if {
	d := doc([nsg([]), sep("partner", {"destination_port_range": "22", "source_address_prefixes": "${var.partner_prefixes}"})])
	addresses(policy.unknown) == {"azurerm_network_security_rule.partner"} with input as d
	count(policy.deny) == 0 with input as d
	e := doc([nsg([]), sep("any", {"destination_port_range": "${var.port}", "source_address_prefix": "Internet"})])
	addresses(policy.unknown) == {"azurerm_network_security_rule.any"} with input as e
	# Unknown sources to a port that is not an admin port, or a known private source: judged.
	f := doc([nsg([]), sep("web", {"destination_port_range": "443", "source_address_prefixes": "${var.partner_prefixes}"}), sep("vpn", {"destination_port_range": "${var.port}", "source_address_prefix": "10.0.0.0/8"})])
	count(policy.unknown) == 0 with input as f
}
