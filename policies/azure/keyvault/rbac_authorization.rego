# METADATA
# title: Key vaults authorize data access with Azure RBAC
# description: >-
#   Every azurerm_key_vault uses Azure role-based access control for its data
#   plane (enable_rbac_authorization, or rbac_authorization_enabled, its newer
#   azurerm v4 spelling) instead of vault access policies, which grant permissions to
#   individual principals outside the role model, cannot be scoped to one key
#   or secret and are not covered by Privileged Identity Management.
# custom:
#   id: RUNGS-AZURE-KEYVAULT-003
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_key_vault]
#   controls: [IAM-2.2]
#   frameworks:
#     cis-azure-foundations-3.0: ["3.3.6"]
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Switch the vault to RBAC and grant roles to groups or workload identities:
#       resource "azurerm_key_vault" "platform" {
#         # ...
#         enable_rbac_authorization = true # rbac_authorization_enabled on newer v4 releases
#       }
#       resource "azurerm_role_assignment" "app_secrets" {
#         scope                = azurerm_key_vault.platform.id
#         role_definition_name = "Key Vault Secrets User"
#         principal_id         = azurerm_user_assigned_identity.app.principal_id
#       }
package rungs.azure.keyvault.rbac_authorization

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

deny contains finding if {
	some kv in lib.resources("azurerm_key_vault")
	# Both spellings default to false: vault access policies.
	lib.falsy(azure.attr2(kv, "rbac_authorization_enabled", "enable_rbac_authorization", false))
	finding := lib.finding(kv, "The vault authorizes data access with access policies, not Azure RBAC")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_key_vault"], ["rbac_authorization_enabled", "enable_rbac_authorization"])
}
