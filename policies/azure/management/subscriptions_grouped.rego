# METADATA
# title: Subscriptions are placed in management groups by environment or function
# description: >-
#   Subscriptions are assigned to management groups in code (an
#   azurerm_management_group_subscription_association, or subscription_ids on
#   an azurerm_management_group), so that guardrails and access can be applied
#   per group of subscriptions (production, non-production, platform, ...).
# custom:
#   id: RUNGS-AZURE-MANAGEMENT-002
#   severity: low
#   kind: presence
#   resource_types: [azurerm_management_group, azurerm_management_group_subscription_association]
#   controls: [ORG-3.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-05"]
#   remediation: |
#     Place each subscription in the group for its environment:
#       resource "azurerm_management_group" "production" {
#         display_name               = "Production"
#         parent_management_group_id = azurerm_management_group.platform.id
#       }
#       resource "azurerm_management_group_subscription_association" "prod" {
#         management_group_id = azurerm_management_group.production.id
#         subscription_id     = "/subscriptions/00000000-0000-0000-0000-000000000000"
#       }
package rungs.azure.management.subscriptions_grouped

import rego.v1

import data.rungs.lib

present if lib.has_resource("azurerm_management_group_subscription_association")

present if {
	some mg in lib.resources("azurerm_management_group")
	ids := lib.attr(mg, "subscription_ids", [])
	is_array(ids)
	count(ids) > 0
}

present if {
	some mg in lib.resources("azurerm_management_group")
	lib.is_unknown(lib.attr(mg, "subscription_ids", []))
}
