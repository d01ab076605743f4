# METADATA
# title: AKS clusters authenticate users with Microsoft Entra ID
# description: >-
#   Every azurerm_kubernetes_cluster is integrated with Microsoft Entra ID
#   (an azure_active_directory_role_based_access_control block, or the
#   azurerm v2 role_based_access_control.azure_active_directory block), so
#   that people sign in to the API server with their Entra identity, MFA and
#   conditional access, and can be granted access through groups.
# custom:
#   id: RUNGS-AZURE-AKS-002
#   severity: high
#   kind: resource
#   resource_types: [azurerm_kubernetes_cluster]
#   controls: [IAM-2.3]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Enable the managed Entra ID integration and authorize with Azure RBAC or
#     Kubernetes RBAC bound to Entra groups:
#       resource "azurerm_kubernetes_cluster" "main" {
#         # ...
#         azure_active_directory_role_based_access_control {
#           azure_rbac_enabled     = true
#           admin_group_object_ids = [azuread_group.aks_admins.object_id]
#         }
#       }
package rungs.azure.aks.entra_integration

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

integrated(c) if count(lib.blocks(c, "azure_active_directory_role_based_access_control")) > 0

integrated(c) if lib.is_unknown(lib.attr(c, "azure_active_directory_role_based_access_control", null))

# azurerm v2.
integrated(c) if count(azure.nested(c, "role_based_access_control", "azure_active_directory")) > 0

deny contains finding if {
	some c in lib.resources("azurerm_kubernetes_cluster")
	not integrated(c)
	finding := lib.finding(c, "The cluster is not integrated with Microsoft Entra ID (no azure_active_directory_role_based_access_control block)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_kubernetes_cluster"], ["azure_active_directory_role_based_access_control", "role_based_access_control", "azure_active_directory"])
}
