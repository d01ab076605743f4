package rungs.azure.network.rule_descriptions_test

import rego.v1

import data.rungs.azure.network.rule_descriptions as policy

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

nsg(rules) := res("azurerm_network_security_group", "web", {"name": "nsg-web", "security_rule": rules})

test_inline_rule_without_description_denied if {
	addresses(policy.deny) == {"azurerm_network_security_group.web"} with input as doc([nsg([{"name": "https"}])])
	count(policy.deny) == 1 with input as doc([nsg([{"name": "https", "description": "  "}])])
}

test_separate_rule_without_description_denied if {
	addresses(policy.deny) == {"azurerm_network_security_rule.https"} with input as doc([res("azurerm_network_security_rule", "https", {"name": "https"})])
}

test_described_rules_pass if {
	count(policy.deny) == 0 with input as doc([
		nsg([{"name": "https", "description": "HTTPS from the internet"}]),
		res("azurerm_network_security_rule", "ssh", {"name": "ssh", "description": "SSH from the VPN"}),
	])
	count(policy.deny) == 0 with input as doc([nsg([])])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([nsg([{"name": "${each.key}", "description": "${each.value.description}"}])])
}
