# METADATA
# title: Storage accounts accept HTTPS requests only
# description: >-
#   Every azurerm_storage_account requires secure transfer
#   (https_traffic_only_enabled in azurerm v4, enable_https_traffic_only in
#   v3), so that requests and shared access signatures never travel in
#   plaintext HTTP.
# custom:
#   id: RUNGS-AZURE-STORAGE-002
#   severity: high
#   kind: resource
#   resource_types: [azurerm_storage_account]
#   controls: [DAT-2.3]
#   frameworks:
#     cis-azure-foundations-3.0: ["4.1"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Require secure transfer (the provider default is true, so removing the
#     argument works as well):
#       resource "azurerm_storage_account" "data" {
#         # ...
#         https_traffic_only_enabled = true # enable_https_traffic_only on azurerm v3
#       }
package rungs.azure.storage.https_only

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

deny contains finding if {
	some sa in lib.resources("azurerm_storage_account")
	# Both spellings default to true when absent.
	lib.falsy(azure.attr2(sa, "https_traffic_only_enabled", "enable_https_traffic_only", true))
	finding := lib.finding(sa, "Secure transfer is off: the account accepts plaintext HTTP requests")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_storage_account"], ["https_traffic_only_enabled", "enable_https_traffic_only"])
}
