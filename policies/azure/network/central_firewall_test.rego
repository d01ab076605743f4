package rungs.azure.network.central_firewall_test

import rego.v1

import data.rungs.azure.network.central_firewall as policy

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

test_firewall_with_policy_is_present if {
	policy.present with input as doc([res("azurerm_firewall", "hub", {"firewall_policy_id": "${azurerm_firewall_policy.hub.id}"})])
}

test_firewall_without_policy_is_not_present if {
	not policy.present with input as doc([res("azurerm_firewall", "hub", {"sku_name": "AZFW_VNet"})])
}

test_policy_alone_is_not_present if {
	not policy.present with input as doc([res("azurerm_firewall_policy", "hub", {"name": "afwp"})])
}
