package rungs.azure.network.no_unrestricted_ingress_test

import rego.v1

import data.rungs.azure.network.no_unrestricted_ingress as policy

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

rule(cfg) := object.union({"name": "r", "priority": 200, "direction": "Inbound", "access": "Allow", "protocol": "*", "source_port_range": "*", "destination_address_prefix": "*"}, cfg)

nsg(rules) := res("azurerm_network_security_group", "web", {"name": "nsg-web", "security_rule": rules})

test_all_ports_from_internet_denied if {
	addresses(policy.deny) == {"azurerm_network_security_group.web"} with input as doc([nsg([rule({"destination_port_range": "*", "source_address_prefix": "*"})])])
	count(policy.deny) == 1 with input as doc([nsg([rule({"protocol": "Tcp", "destination_port_range": "1-65535", "source_address_prefix": "Internet"})])])
}

test_separate_rule_denied if {
	r := res("azurerm_network_security_rule", "any", rule({"destination_port_range": "0-65535", "source_address_prefixes": ["::/0"], "network_security_group_name": "nsg-web"}))
	addresses(policy.deny) == {"azurerm_network_security_rule.any"} with input as doc([r])
}

test_limited_rules_pass if {
	count(policy.deny) == 0 with input as doc([nsg([
		rule({"destination_port_range": "443", "source_address_prefix": "Internet"}),
		rule({"destination_port_range": "*", "source_address_prefix": "VirtualNetwork"}),
		rule({"destination_port_range": "*", "source_address_prefix": "Internet", "protocol": "Icmp"}),
	])])
}

test_shadowed_by_earlier_deny_all_passes if {
	count(policy.deny) == 0 with input as doc([nsg([
		rule({"priority": 4000, "destination_port_range": "*", "source_address_prefix": "*"}),
		rule({"priority": 100, "access": "Deny", "destination_port_range": "*", "source_address_prefix": "Internet"}),
	])])
}

test_unknown_values_not_judged if {
	count(policy.deny) == 0 with input as doc([nsg([
		rule({"destination_port_range": "${var.ports}", "source_address_prefix": "*"}),
		rule({"destination_port_range": "*", "source_address_prefix": "${var.source}"}),
		rule({"destination_port_range": "*", "source_address_prefix": "*", "protocol": "${var.protocol}"}),
	])])
}
