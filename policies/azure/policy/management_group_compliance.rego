# METADATA
# title: Policy compliance is evaluated at management-group scope
# description: >-
#   At least one azurerm_management_group_policy_assignment is declared
#   (enforced or not), so that Azure Policy reports the compliance of every
#   subscription under the management group in one place.
# custom:
#   id: RUNGS-AZURE-POLICY-003
#   severity: low
#   kind: presence
#   resource_types: [azurerm_management_group_policy_assignment]
#   controls: [CMP-4.1]
#   frameworks:
#     csa-ccm-v4: ["CCC-07"]
#   remediation: |
#     Assign the compliance initiatives at the management group rather than
#     per subscription:
#       resource "azurerm_management_group_policy_assignment" "mcsb" {
#         name                 = "mcsb"
#         management_group_id  = azurerm_management_group.platform.id
#         policy_definition_id = "/providers/Microsoft.Authorization/policySetDefinitions/1f3afdf9-d0c9-4c3d-847f-89da613e70a8"
#         enforce              = false
#       }
package rungs.azure.policy.management_group_compliance

import rego.v1

import data.rungs.lib

present if lib.has_resource("azurerm_management_group_policy_assignment")
