# METADATA
# title: Azure Policy evaluates resources automatically
# description: >-
#   At least one Azure Policy assignment is declared (at management group,
#   subscription, resource group or resource scope), so that resources are
#   evaluated against compliance rules continuously rather than by hand.
#   Assignments in DoNotEnforce mode count: they still evaluate and report.
# custom:
#   id: RUNGS-AZURE-POLICY-002
#   severity: low
#   kind: presence
#   resource_types: [azurerm_management_group_policy_assignment, azurerm_subscription_policy_assignment, azurerm_resource_group_policy_assignment, azurerm_resource_policy_assignment]
#   controls: [CMP-3.1]
#   frameworks:
#     csa-ccm-v4: ["CCC-07"]
#   remediation: |
#     Assign a compliance initiative, for example the Microsoft cloud security
#     benchmark:
#       resource "azurerm_subscription_policy_assignment" "mcsb" {
#         name                 = "mcsb"
#         subscription_id      = data.azurerm_subscription.current.id
#         policy_definition_id = "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8"
#       }
package rungs.azure.policy.assignments_present

import rego.v1

import data.rungs.lib

assignment_types := [
	"azurerm_management_group_policy_assignment",
	"azurerm_subscription_policy_assignment",
	"azurerm_resource_group_policy_assignment",
	"azurerm_resource_policy_assignment",
]

present if {
	some t in assignment_types
	lib.has_resource(t)
}
