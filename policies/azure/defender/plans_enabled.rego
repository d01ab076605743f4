# METADATA
# title: Microsoft Defender for Cloud threat protection is enabled
# description: >-
#   At least one Microsoft Defender for Cloud plan is switched on
#   (azurerm_security_center_subscription_pricing with tier Standard), so that
#   threats against the subscription's servers, data stores or control plane
#   are detected and raised as alerts.
# custom:
#   id: RUNGS-AZURE-DEFENDER-001
#   severity: high
#   kind: presence
#   resource_types: [azurerm_security_center_subscription_pricing]
#   controls: [IR-2.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     Enable the Defender plans for the workloads you run, per subscription:
#       resource "azurerm_security_center_subscription_pricing" "servers" {
#         tier          = "Standard"
#         resource_type = "VirtualMachines"
#         subplan       = "P2"
#       }
#       resource "azurerm_security_center_subscription_pricing" "arm" {
#         tier          = "Standard"
#         resource_type = "Arm"
#       }
package rungs.azure.defender.plans_enabled

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

present if {
	some p in lib.resources("azurerm_security_center_subscription_pricing")
	azure.maybe_eq(lib.attr(p, "tier", null), "standard")
}
