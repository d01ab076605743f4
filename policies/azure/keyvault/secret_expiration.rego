# METADATA
# title: Key Vault secrets have an expiration date
# description: >-
#   Every azurerm_key_vault_secret sets expiration_date, so that a stored
#   password, connection string or token has to be renewed instead of staying
#   valid for ever.
# custom:
#   id: RUNGS-AZURE-KEYVAULT-006
#   severity: low
#   kind: resource
#   resource_types: [azurerm_key_vault_secret]
#   controls: [DAT-3.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-12"]
#     cis-azure-foundations-3.0: ["3.3.3", "3.3.4"]
#   remediation: |
#     Give the secret an expiry and renew it before then:
#       resource "azurerm_key_vault_secret" "db_password" {
#         name            = "db-password"
#         value           = random_password.db.result
#         key_vault_id    = azurerm_key_vault.platform.id
#         expiration_date = "2026-12-31T00:00:00Z"
#       }
package rungs.azure.keyvault.secret_expiration

import rego.v1

import data.rungs.lib

deny contains finding if {
	some s in lib.resources("azurerm_key_vault_secret")
	# Absent: the secret never expires.
	not lib.is_set(lib.attr(s, "expiration_date", null))
	finding := lib.finding(s, "The secret never expires (no expiration_date)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.maybe_unset(["azurerm_key_vault_secret"], ["expiration_date"])
}
