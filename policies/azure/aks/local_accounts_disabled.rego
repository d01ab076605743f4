# METADATA
# title: AKS clusters disable local accounts
# description: >-
#   Every azurerm_kubernetes_cluster disables its local accounts
#   (local_account_disabled = true), so that no static cluster-admin
#   credential exists outside Microsoft Entra ID: a downloaded admin
#   kubeconfig never expires and bypasses MFA and access reviews.
# custom:
#   id: RUNGS-AZURE-AKS-005
#   severity: high
#   kind: resource
#   resource_types: [azurerm_kubernetes_cluster]
#   controls: [IAM-3.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Disable local accounts (this requires the Entra ID integration):
#       resource "azurerm_kubernetes_cluster" "main" {
#         # ...
#         local_account_disabled = true
#         azure_active_directory_role_based_access_control {
#           azure_rbac_enabled = true
#         }
#       }
package rungs.azure.aks.local_accounts_disabled

import rego.v1

import data.rungs.lib

deny contains finding if {
	some c in lib.resources("azurerm_kubernetes_cluster")
	# local_account_disabled defaults to false.
	lib.falsy(lib.attr(c, "local_account_disabled", false))
	finding := lib.finding(c, "Local accounts are enabled: a static cluster-admin kubeconfig can be downloaded")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_kubernetes_cluster"], ["local_account_disabled"])
}
