package rungs.azure.aks.azure_policy_test

import rego.v1

import data.rungs.azure.aks.azure_policy as policy

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

test_enabled_passes if {
	d := doc([res("azurerm_kubernetes_cluster", "x", {"azure_policy_enabled": true})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_argument_is_denied if {
	d := doc([res("azurerm_kubernetes_cluster", "x", {})])
	addresses(policy.deny) == {"azurerm_kubernetes_cluster.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_explicit_false_is_denied if {
	d := doc([res("azurerm_kubernetes_cluster", "x", {"azure_policy_enabled": false})])
	addresses(policy.deny) == {"azurerm_kubernetes_cluster.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_setting_is_not_judged if {
	d := doc([res("azurerm_kubernetes_cluster", "x", {"azure_policy_enabled": "${var.policy}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"azurerm_kubernetes_cluster.x"} with input as d
}
