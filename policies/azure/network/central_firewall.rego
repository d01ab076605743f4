# METADATA
# title: An Azure Firewall with a firewall policy filters traffic centrally
# description: >-
#   The estate declares an Azure Firewall governed by a firewall policy
#   (firewall_policy_id), the central place where network rules for every spoke
#   are defined and enforced.
# custom:
#   id: RUNGS-AZURE-NETWORK-007
#   severity: low
#   kind: presence
#   resource_types: [azurerm_firewall, azurerm_firewall_policy]
#   controls: [NET-4.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Deploy a hub firewall governed by a policy:
#       resource "azurerm_firewall" "hub" {
#         name                = "afw-hub"
#         resource_group_name = azurerm_resource_group.hub.name
#         location            = "westeurope"
#         sku_name            = "AZFW_VNet"
#         sku_tier            = "Standard"
#         firewall_policy_id  = azurerm_firewall_policy.hub.id
#         # ip_configuration { ... }
#       }
package rungs.azure.network.central_firewall

import rego.v1

import data.rungs.lib

# A firewall with a policy attached (unknown text counts: it references a policy).
present if {
	some f in lib.resources("azurerm_firewall")
	lib.is_set(lib.attr(f, "firewall_policy_id", null))
}
