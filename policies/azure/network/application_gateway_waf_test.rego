package rungs.azure.network.application_gateway_waf_test

import rego.v1

import data.rungs.azure.network.application_gateway_waf as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "azurerm", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

test_waf_policy_passes if {
	d := doc([res("azurerm_application_gateway", "x", {"sku": [{"name": "WAF_v2", "tier": "WAF_v2"}], "firewall_policy_id": "${azurerm_web_application_firewall_policy.web.id}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_waf_configuration_passes if {
	d := doc([res("azurerm_application_gateway", "x", {"sku": [{"name": "WAF_Medium", "tier": "WAF"}], "waf_configuration": [{"enabled": true, "firewall_mode": "Prevention"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_standard_tier_is_denied if {
	d := doc([res("azurerm_application_gateway", "x", {"sku": [{"name": "Standard_v2", "tier": "Standard_v2"}]})])
	addresses(policy.deny) == {"azurerm_application_gateway.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_disabled_waf_is_denied if {
	d := doc([res("azurerm_application_gateway", "x", {"sku": [{"name": "WAF_v2", "tier": "WAF_v2"}], "waf_configuration": [{"enabled": false}]})])
	addresses(policy.deny) == {"azurerm_application_gateway.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_waf_tier_without_policy_is_denied if {
	d := doc([res("azurerm_application_gateway", "x", {"sku": [{"name": "WAF_v2", "tier": "WAF_v2"}]})])
	addresses(policy.deny) == {"azurerm_application_gateway.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_tier_is_not_judged if {
	d := doc([res("azurerm_application_gateway", "x", {"sku": [{"name": "${var.sku}", "tier": "${var.sku}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"azurerm_application_gateway.x"} with input as d
}

test_unknown_waf_flag_is_not_judged if {
	d := doc([res("azurerm_application_gateway", "x", {"sku": [{"name": "WAF_v2", "tier": "WAF_v2"}], "waf_configuration": [{"enabled": "${var.waf}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"azurerm_application_gateway.x"} with input as d
}
