package rungs.azure.policy.assignments_present_test

import rego.v1

import data.rungs.azure.policy.assignments_present as policy

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

test_any_assignment_present if {
	policy.present with input as doc([res("azurerm_subscription_policy_assignment", "s", {"policy_definition_id": "x"})])
	policy.present with input as doc([res("azurerm_resource_group_policy_assignment", "r", {"policy_definition_id": "x"})])
	policy.present with input as doc([res("azurerm_management_group_policy_assignment", "m", {"policy_definition_id": "x", "enforce": false})])
}

test_no_assignment_not_present if {
	not policy.present with input as doc([res("azurerm_policy_definition", "d", {"name": "d"})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([res("azurerm_resource_policy_assignment", "r", {"policy_definition_id": "${var.definition_id}"})])
}
