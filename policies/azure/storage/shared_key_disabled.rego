# METADATA
# title: Storage accounts do not accept shared key authorization
# description: >-
#   Every azurerm_storage_account disables shared key access
#   (shared_access_key_enabled = false), so that callers authenticate with
#   Microsoft Entra ID identities instead of account keys and SAS tokens
#   derived from them, which never expire on their own and cannot be tied to
#   a person or workload.
# custom:
#   id: RUNGS-AZURE-STORAGE-006
#   severity: low
#   kind: resource
#   resource_types: [azurerm_storage_account]
#   controls: [IAM-2.3]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Disable shared keys, and let Terraform itself use Entra ID for data plane
#     calls:
#       provider "azurerm" {
#         features {}
#         storage_use_azuread = true
#       }
#       resource "azurerm_storage_account" "data" {
#         # ...
#         shared_access_key_enabled       = false
#         default_to_oauth_authentication = true
#       }
package rungs.azure.storage.shared_key_disabled

import rego.v1

import data.rungs.lib

deny contains finding if {
	some sa in lib.resources("azurerm_storage_account")
	# shared_access_key_enabled defaults to true.
	lib.truthy(lib.attr(sa, "shared_access_key_enabled", true))
	finding := lib.finding(sa, "Shared key authorization is enabled (shared_access_key_enabled is true or left at its default, true)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_storage_account"], ["shared_access_key_enabled"])
}
