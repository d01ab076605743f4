# METADATA
# title: Subscriptions are organised under management groups
# description: >-
#   At least one azurerm_management_group is declared, so that subscriptions
#   belong to one hierarchy under the tenant root group where access, policy
#   and Defender settings can be managed centrally and as code.
# custom:
#   id: RUNGS-AZURE-MANAGEMENT-001
#   severity: medium
#   kind: presence
#   resource_types: [azurerm_management_group]
#   controls: [ORG-2.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-06"]
#   remediation: |
#     Declare the hierarchy under the tenant root group:
#       resource "azurerm_management_group" "platform" {
#         display_name = "Platform"
#       }
package rungs.azure.management.management_groups

import rego.v1

import data.rungs.lib

present if lib.has_resource("azurerm_management_group")
