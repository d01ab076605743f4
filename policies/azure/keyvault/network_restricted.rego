# METADATA
# title: Key vaults are not reachable from every network
# description: >-
#   Every azurerm_key_vault either disables public network access or denies
#   network traffic by default (network_acls with default_action Deny), so
#   that its secrets and keys are reachable only from selected networks and
#   private endpoints.
# custom:
#   id: RUNGS-AZURE-KEYVAULT-002
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_key_vault]
#   controls: [NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Deny by default and list the networks that need the vault (or disable
#     public network access and use a private endpoint):
#       resource "azurerm_key_vault" "platform" {
#         # ...
#         network_acls {
#           default_action             = "Deny"
#           bypass                     = "AzureServices"
#           virtual_network_subnet_ids = [azurerm_subnet.app.id]
#         }
#       }
package rungs.azure.keyvault.network_restricted

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

# public_network_access_enabled defaults to true; false or unknown restricts.
restricted(kv) if not lib.truthy(lib.attr(kv, "public_network_access_enabled", true))

# network_acls with default_action Deny (the block is optional; without it
# every network is allowed).
restricted(kv) if {
	some acl in lib.blocks(kv, "network_acls")
	azure.maybe_eq(azure.get(acl, "default_action", null), "deny")
}

restricted(kv) if lib.is_unknown(lib.attr(kv, "network_acls", null))

deny contains finding if {
	some kv in lib.resources("azurerm_key_vault")
	not restricted(kv)
	finding := lib.finding(kv, "Public network access is enabled and network_acls do not deny traffic by default")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_key_vault"], ["public_network_access_enabled", "network_acls", "default_action"])
}
