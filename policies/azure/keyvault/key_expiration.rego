# METADATA
# title: Key Vault keys have an expiration date
# description: >-
#   Every azurerm_key_vault_key expires: it sets expiration_date, or its
#   rotation policy sets expire_after, so that a key cannot stay in use for
#   ever and has to be rotated.
# custom:
#   id: RUNGS-AZURE-KEYVAULT-005
#   severity: low
#   kind: resource
#   resource_types: [azurerm_key_vault_key]
#   controls: [DAT-3.1]
#   frameworks:
#     cis-azure-foundations-3.0: ["3.3.1", "3.3.2"]
#     csa-ccm-v4: ["CEK-12"]
#   remediation: |
#     Let the rotation policy expire each key version:
#       resource "azurerm_key_vault_key" "storage" {
#         # ...
#         rotation_policy {
#           expire_after = "P1Y"
#           automatic {
#             time_before_expiry = "P30D"
#           }
#         }
#       }
package rungs.azure.keyvault.key_expiration

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

expires(k) if lib.is_set(lib.attr(k, "expiration_date", null))

expires(k) if {
	some rp in lib.blocks(k, "rotation_policy")
	lib.is_set(azure.get(rp, "expire_after", null))
}

expires(k) if lib.is_unknown(lib.attr(k, "rotation_policy", null))

deny contains finding if {
	some k in lib.resources("azurerm_key_vault_key")
	# Neither argument set: the key never expires.
	not expires(k)
	finding := lib.finding(k, "The key never expires (no expiration_date, no rotation_policy.expire_after)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_key_vault_key"], ["rotation_policy"])
}
