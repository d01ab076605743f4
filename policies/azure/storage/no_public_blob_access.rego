# METADATA
# title: Storage accounts do not allow anonymous blob access
# description: >-
#   Every azurerm_storage_account that can hold blobs disallows anonymous public
#   read access to its containers and blobs
#   (allow_nested_items_to_be_public = false; allow_blob_public_access = false
#   on azurerm v2), so that no container can be made public by mistake.
# custom:
#   id: RUNGS-AZURE-STORAGE-003
#   severity: high
#   kind: resource
#   resource_types: [azurerm_storage_account]
#   controls: [DAT-1.1]
#   frameworks:
#     cis-azure-foundations-3.0: ["4.17"]
#     csa-ccm-v4: ["DSP-17"]
#   remediation: |
#     Disallow anonymous access at the account level (azurerm v3 and v4 default
#     it to true, so the argument must be written):
#       resource "azurerm_storage_account" "data" {
#         # ...
#         allow_nested_items_to_be_public = false
#       }
package rungs.azure.storage.no_public_blob_access

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

deny contains finding if {
	some sa in lib.resources("azurerm_storage_account")
	# FileStorage accounts hold file shares only.
	not azure.eq(lib.attr(sa, "account_kind", "StorageV2"), "filestorage")
	# Absent: allow_nested_items_to_be_public defaults to true (azurerm v3 and v4).
	# allow_blob_public_access, the azurerm v2 spelling, is read when it is the
	# one written.
	lib.truthy(azure.attr2(sa, "allow_nested_items_to_be_public", "allow_blob_public_access", true))
	finding := lib.finding(sa, "Anonymous blob access is allowed (allow_nested_items_to_be_public is true or left at its default, true)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_storage_account"], ["account_kind", "allow_nested_items_to_be_public", "allow_blob_public_access"])
}
