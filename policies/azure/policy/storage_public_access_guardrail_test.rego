package rungs.azure.policy.storage_public_access_guardrail_test

import rego.v1

import data.rungs.azure.policy.storage_public_access_guardrail as policy

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

builtin := "/providers/Microsoft.Authorization/policyDefinitions/4fa4b6c0-31ca-4c0d-b10d-24b96f62a751"

mga(cfg) := res("azurerm_management_group_policy_assignment", "a", object.union({"name": "a", "management_group_id": "${azurerm_management_group.platform.id}"}, cfg))

test_builtin_with_deny_present if {
	policy.present with input as doc([mga({"policy_definition_id": builtin, "parameters": "{\"effect\":{\"value\":\"Deny\"}}"})])
	policy.present with input as doc([res("azurerm_subscription_policy_assignment", "s", {"policy_definition_id": builtin, "parameters": {"effect": {"value": "deny"}}})])
}

test_builtin_with_default_audit_not_present if {
	not policy.present with input as doc([mga({"policy_definition_id": builtin})])
	not policy.present with input as doc([mga({"policy_definition_id": builtin, "parameters": "{\"effect\":{\"value\":\"Audit\"}}"})])
}

test_not_enforced_not_present if {
	not policy.present with input as doc([mga({"policy_definition_id": builtin, "parameters": "{\"effect\":{\"value\":\"Deny\"}}", "enforce": false})])
}

test_custom_definition_present if {
	def := res("azurerm_policy_definition", "no_public_blob", {"policy_rule": "{\"if\":{\"field\":\"Microsoft.Storage/storageAccounts/allowBlobPublicAccess\",\"equals\":true},\"then\":{\"effect\":\"deny\"}}"})
	policy.present with input as doc([def, mga({"policy_definition_id": "${azurerm_policy_definition.no_public_blob.id}"})])
}

test_initiative_present if {
	set := res("azurerm_policy_set_definition", "guardrails", {"policy_definition_reference": [{"policy_definition_id": builtin, "parameter_values": "{\"effect\":{\"value\":\"Deny\"}}"}]})
	policy.present with input as doc([set, mga({"policy_definition_id": "${azurerm_policy_set_definition.guardrails.id}"})])
	other := res("azurerm_policy_set_definition", "guardrails", {"policy_definition_reference": [{"policy_definition_id": "/providers/Microsoft.Authorization/policyDefinitions/other"}]})
	not policy.present with input as doc([other, mga({"policy_definition_id": "${azurerm_policy_set_definition.guardrails.id}"})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([mga({"policy_definition_id": "${var.guardrail_definition_id}"})])
	policy.present with input as doc([mga({"policy_definition_id": builtin, "parameters": "${var.parameters}"})])
}
