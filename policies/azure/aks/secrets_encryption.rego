# METADATA
# title: AKS clusters encrypt Kubernetes secrets with a Key Vault key
# description: >-
#   Every azurerm_kubernetes_cluster encrypts its Kubernetes secrets in etcd
#   with a customer-managed Key Vault key (a key_management_service block),
#   so that reading the secret store requires access to the organisation's
#   key as well.
# custom:
#   id: RUNGS-AZURE-AKS-006
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_kubernetes_cluster]
#   controls: [WKL-3.2, DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Enable KMS etcd encryption with a Key Vault key:
#       resource "azurerm_kubernetes_cluster" "main" {
#         # ...
#         key_management_service {
#           key_vault_key_id         = azurerm_key_vault_key.aks.id
#           key_vault_network_access = "Private"
#         }
#       }
package rungs.azure.aks.secrets_encryption

import rego.v1

import data.rungs.lib

kms(c) if count(lib.blocks(c, "key_management_service")) > 0

kms(c) if lib.is_unknown(lib.attr(c, "key_management_service", null))

deny contains finding if {
	some c in lib.resources("azurerm_kubernetes_cluster")
	# Without the block, secrets are encrypted with platform-managed keys only.
	not kms(c)
	finding := lib.finding(c, "Kubernetes secrets are not encrypted with a customer-managed key (no key_management_service)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_kubernetes_cluster"], ["key_management_service"])
}
