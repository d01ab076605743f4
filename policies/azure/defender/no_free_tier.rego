# METADATA
# title: Declared Defender plans are not on the Free tier
# description: >-
#   No azurerm_security_center_subscription_pricing sets its plan to the Free
#   tier: a plan written in code at tier Free switches that Defender for Cloud
#   protection off for the whole subscription, which usually happens in a
#   cost-cutting change that nobody reviews for security. Plans that are not
#   declared are not judged (they may be set outside this code), so the CIS
#   "Microsoft Defender for X is On" recommendations (3.1.x.1), which ask for
#   each plan, are not cited.
# custom:
#   id: RUNGS-AZURE-DEFENDER-002
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_security_center_subscription_pricing]
#   controls: [IR-2.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     Set the plan to Standard (or remove the resource if the workload type is
#     not used):
#       resource "azurerm_security_center_subscription_pricing" "storage" {
#         tier          = "Standard"
#         resource_type = "StorageAccounts"
#         subplan       = "DefenderForStorageV2"
#       }
package rungs.azure.defender.no_free_tier

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

deny contains finding if {
	some p in lib.resources("azurerm_security_center_subscription_pricing")
	azure.eq(lib.attr(p, "tier", null), "free")
	# resource_type defaults to VirtualMachines.
	finding := lib.finding(p, sprintf("The Defender plan %v is on the Free tier: its threat protection is off", [lib.attr(p, "resource_type", "VirtualMachines")]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_security_center_subscription_pricing"], ["tier", "resource_type"])
}
