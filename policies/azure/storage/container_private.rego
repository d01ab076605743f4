# METADATA
# title: Storage containers do not grant anonymous access
# description: >-
#   Blob containers keep container_access_type = "private" (the provider
#   default). "blob" lets anyone on the internet read every blob whose name they
#   know, "container" also lets them list the container: access for every
#   principal without any condition.
# custom:
#   id: RUNGS-AZURE-STORAGE-008
#   severity: high
#   kind: resource
#   resource_types: [azurerm_storage_container]
#   controls: [IAM-2.1, DAT-1.1]
#   frameworks:
#     cis-azure-foundations-3.0: ["4.17"]
#     csa-ccm-v4: ["IAM-16", "DSP-17"]
#   remediation: |
#     Keep the container private and share with SAS tokens or Entra ID roles:
#       resource "azurerm_storage_container" "reports" {
#         name                  = "reports"
#         storage_account_id    = azurerm_storage_account.data.id
#         container_access_type = "private"
#       }
package rungs.azure.storage.container_private

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["azurerm_storage_container"]

path := ["container_access_type"]

# The provider default for container_access_type is private: a missing argument passes.
value(r) := checks.setting(r, path, "private")

good(v) if v == "private"

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Storage container grants anonymous access (container_access_type)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "container_access_type is unknown at scan time")
}
