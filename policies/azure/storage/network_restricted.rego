# METADATA
# title: Storage accounts are not open to every network
# description: >-
#   Every azurerm_storage_account either disables public network access or
#   denies network traffic by default (network_rules with default_action Deny,
#   inline or through an azurerm_storage_account_network_rules resource), so
#   that its endpoints only answer selected networks and private endpoints.
# custom:
#   id: RUNGS-AZURE-STORAGE-004
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_storage_account]
#   controls: [DAT-1.1]
#   frameworks:
#     cis-azure-foundations-3.0: ["4.6", "4.7"]
#     csa-ccm-v4: ["DSP-17"]
#   remediation: |
#     Deny by default and allow the networks that need access (or disable
#     public network access and use private endpoints):
#       resource "azurerm_storage_account" "data" {
#         # ...
#         public_network_access_enabled = false
#       }
#       resource "azurerm_storage_account_network_rules" "data" {
#         storage_account_id         = azurerm_storage_account.data.id
#         default_action             = "Deny"
#         bypass                     = ["AzureServices"]
#         virtual_network_subnet_ids = [azurerm_subnet.app.id]
#       }
package rungs.azure.storage.network_restricted

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

rules_type := "azurerm_storage_account_network_rules"

# public_network_access_enabled defaults to true; false or unknown restricts.
restricted(sa) if not lib.truthy(lib.attr(sa, "public_network_access_enabled", true))

# Inline network_rules whose default action is (or may be) Deny.
restricted(sa) if {
	some nr in lib.blocks(sa, "network_rules")
	azure.maybe_eq(azure.get(nr, "default_action", null), "deny")
}

restricted(sa) if lib.is_unknown(lib.attr(sa, "network_rules", null))

# A separate azurerm_storage_account_network_rules resource (storage_account_id
# in azurerm v3/v4, storage_account_name in v2).
restricted(sa) if {
	some key in ["storage_account_id", "storage_account_name"]
	some c in azure.companions(sa, rules_type, key)
	azure.maybe_eq(lib.attr(c, "default_action", null), "deny")
}

restricted(sa) if {
	some key in ["storage_account_id", "storage_account_name"]
	azure.ambiguous(sa, rules_type, key)
}

deny contains finding if {
	some sa in lib.resources("azurerm_storage_account")
	not restricted(sa)
	finding := lib.finding(sa, "Public network access is enabled and no network rule denies traffic by default")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_storage_account"], ["public_network_access_enabled", "network_rules", "default_action"])
}
