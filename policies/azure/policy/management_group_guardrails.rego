# METADATA
# title: Azure Policy guardrails are enforced at management-group scope
# description: >-
#   At least one azurerm_management_group_policy_assignment is enforced
#   (enforce is not false), so that a policy or initiative binds every
#   subscription under the management group, including subscriptions created
#   later, instead of being assigned subscription by subscription.
# custom:
#   id: RUNGS-AZURE-POLICY-001
#   severity: medium
#   kind: presence
#   resource_types: [azurerm_management_group_policy_assignment]
#   controls: [ORG-4.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Assign a guardrail initiative to the top of the hierarchy:
#       resource "azurerm_management_group_policy_assignment" "guardrails" {
#         name                 = "platform-guardrails"
#         management_group_id  = azurerm_management_group.platform.id
#         policy_definition_id = azurerm_policy_set_definition.guardrails.id
#         location             = "westeurope"
#         identity {
#           type = "SystemAssigned"
#         }
#       }
package rungs.azure.policy.management_group_guardrails

import rego.v1

import data.rungs.lib

present if {
	some a in lib.resources("azurerm_management_group_policy_assignment")
	# enforce defaults to true (DoNotEnforce when false).
	not lib.falsy(lib.attr(a, "enforce", true))
}
