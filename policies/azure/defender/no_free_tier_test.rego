package rungs.azure.defender.no_free_tier_test

import rego.v1

import data.rungs.azure.defender.no_free_tier as policy

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

test_free_plan_denied if {
	findings := policy.deny with input as doc([res("azurerm_security_center_subscription_pricing", "storage", {"tier": "Free", "resource_type": "StorageAccounts"})])
	addresses(findings) == {"azurerm_security_center_subscription_pricing.storage"}
	some f in findings
	contains(f.message, "StorageAccounts")
}

test_standard_plan_passes if {
	count(policy.deny) == 0 with input as doc([res("azurerm_security_center_subscription_pricing", "storage", {"tier": "Standard", "resource_type": "StorageAccounts"})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([res("azurerm_security_center_subscription_pricing", "storage", {"tier": "${var.tier}"})])
}
