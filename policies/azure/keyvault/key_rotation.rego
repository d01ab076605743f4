# METADATA
# title: Key Vault keys rotate automatically
# description: >-
#   Every azurerm_key_vault_key has a rotation policy with an automatic
#   rotation trigger (rotation_policy.automatic with time_after_creation or
#   time_before_expiry), so that new key versions are created without anyone
#   remembering to do it.
# custom:
#   id: RUNGS-AZURE-KEYVAULT-004
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_key_vault_key]
#   controls: [DAT-3.1]
#   frameworks:
#     cis-azure-foundations-3.0: ["3.3.8"]
#     csa-ccm-v4: ["CEK-12"]
#   remediation: |
#     Add a rotation policy (and reference the key without a version, for
#     example versionless_id, so that consumers follow the rotation):
#       resource "azurerm_key_vault_key" "storage" {
#         # ...
#         rotation_policy {
#           expire_after         = "P1Y"
#           notify_before_expiry = "P30D"
#           automatic {
#             time_before_expiry = "P30D"
#           }
#         }
#       }
package rungs.azure.keyvault.key_rotation

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

rotates(k) if {
	some a in azure.nested(k, "rotation_policy", "automatic")
	some key in ["time_after_creation", "time_before_expiry"]
	lib.is_set(azure.get(a, key, null))
}

rotates(k) if lib.is_unknown(lib.attr(k, "rotation_policy", null))

rotates(k) if {
	some rp in lib.blocks(k, "rotation_policy")
	lib.is_unknown(azure.get(rp, "automatic", null))
}

deny contains finding if {
	some k in lib.resources("azurerm_key_vault_key")
	# Without a rotation_policy block the key never rotates.
	not rotates(k)
	finding := lib.finding(k, "The key has no automatic rotation (rotation_policy.automatic)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_key_vault_key"], ["rotation_policy", "automatic"])
}
