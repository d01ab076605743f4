package rungs.azure.policy.management_group_guardrails_test

import rego.v1

import data.rungs.azure.policy.management_group_guardrails as policy

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

mga(cfg) := res("azurerm_management_group_policy_assignment", "a", object.union({"name": "a", "management_group_id": "${azurerm_management_group.platform.id}", "policy_definition_id": "${azurerm_policy_set_definition.guardrails.id}"}, cfg))

test_enforced_assignment_present if {
	policy.present with input as doc([mga({})])
	policy.present with input as doc([mga({"enforce": true})])
}

test_not_enforced_or_subscription_scope_not_present if {
	not policy.present with input as doc([mga({"enforce": false})])
	not policy.present with input as doc([res("azurerm_subscription_policy_assignment", "s", {"policy_definition_id": "x"})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([mga({"enforce": "${var.enforce}"})])
}
