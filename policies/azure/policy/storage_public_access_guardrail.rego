# METADATA
# title: An Azure Policy guardrail denies public blob access
# description: >-
#   A subscription- or management-group-level policy assignment, enforced,
#   denies storage accounts that allow anonymous blob access: the built-in
#   definition "Storage account public access should be disallowed"
#   (4fa4b6c0-31ca-4c0d-b10d-24b96f62a751) with its effect parameter set to
#   Deny (its default is Audit), an initiative that references it, or a
#   custom definition on allowBlobPublicAccess with a deny effect.
# custom:
#   id: RUNGS-AZURE-POLICY-004
#   severity: medium
#   kind: presence
#   resource_types: [azurerm_management_group_policy_assignment, azurerm_subscription_policy_assignment]
#   controls: [DAT-4.1]
#   frameworks:
#     csa-ccm-v4: ["DSP-17"]
#   remediation: |
#     Assign the built-in definition with the Deny effect at the top of the
#     hierarchy:
#       resource "azurerm_management_group_policy_assignment" "deny_public_blob" {
#         name                 = "deny-public-blob"
#         management_group_id  = azurerm_management_group.platform.id
#         policy_definition_id = "/providers/Microsoft.Authorization/policyDefinitions/4fa4b6c0-31ca-4c0d-b10d-24b96f62a751"
#         parameters = jsonencode({
#           effect = { value = "Deny" }
#         })
#       }
package rungs.azure.policy.storage_public_access_guardrail

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

builtin_id := "4fa4b6c0-31ca-4c0d-b10d-24b96f62a751"

assignment_types := ["azurerm_management_group_policy_assignment", "azurerm_subscription_policy_assignment"]

# Text (a policy rule, parameters, an id) mentions deny, ignoring case.
says_deny(v) if {
	is_string(v)
	contains(lower(v), "deny")
}

# Objects are searched as their JSON text (not by calling this rule again: OPA rejects the
# recursion).
says_deny(v) if {
	is_object(v)
	contains(lower(json.marshal(v)), "deny")
}

# The assignment's parameters select the Deny effect, or cannot be known.
deny_effect(a) if says_deny(lib.attr(a, "parameters", null))

deny_effect(a) if lib.is_unknown(lib.attr(a, "parameters", null))

# The definition the assignment uses denies public blob access.
guardrail(a) if {
	contains(lower(lib.attr(a, "policy_definition_id", "")), builtin_id)
	deny_effect(a)
}

# A custom definition on allowBlobPublicAccess whose rule or assignment denies.
guardrail(a) if {
	some d in lib.resources("azurerm_policy_definition")
	lib.designates(lib.attr(a, "policy_definition_id", null), d, lib.module_of(a))
	rule := lib.attr(d, "policy_rule", "")
	is_string(rule)
	contains(lower(rule), "allowblobpublicaccess")
	some v in [rule, lib.attr(a, "parameters", null)]
	says_deny(v)
}

# An initiative that references the built-in definition.
guardrail(a) if {
	some s in lib.resources("azurerm_policy_set_definition")
	lib.designates(lib.attr(a, "policy_definition_id", null), s, lib.module_of(a))
	some ref in lib.blocks(s, "policy_definition_reference")
	contains(lower(azure.get(ref, "policy_definition_id", "")), builtin_id)
	some v in [azure.get(ref, "parameter_values", null), lib.attr(a, "parameters", null)]
	says_deny(v)
}

# A definition the scan cannot see (a variable, a module output): unknown
# values count in favour of presence.
guardrail(a) if azure.unresolved(lib.attr(a, "policy_definition_id", null))

present if {
	some t in assignment_types
	some a in lib.resources(t)
	# enforce defaults to true.
	not lib.falsy(lib.attr(a, "enforce", true))
	guardrail(a)
}
