# METADATA
# title: Storage accounts refuse TLS versions older than 1.2
# description: >-
#   Every azurerm_storage_account accepts TLS 1.2 or newer only (min_tls_version
#   TLS1_2), so that clients cannot fall back to TLS 1.0 or 1.1, whose
#   weaknesses are known and which Azure is retiring.
# custom:
#   id: RUNGS-AZURE-STORAGE-001
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_storage_account]
#   controls: [DAT-2.3]
#   frameworks:
#     cis-azure-foundations-3.0: ["4.15"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Set the minimum TLS version (or remove the argument: TLS1_2 is the
#     default of azurerm v3 and v4):
#       resource "azurerm_storage_account" "data" {
#         # ...
#         min_tls_version = "TLS1_2"
#       }
package rungs.azure.storage.min_tls

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

deny contains finding if {
	some sa in lib.resources("azurerm_storage_account")
	# A missing min_tls_version is the provider default, TLS1_2 (azurerm v3 and v4).
	v := lib.attr(sa, "min_tls_version", "TLS1_2")
	azure.one_of(v, {"tls1_0", "tls1_1"})
	finding := lib.finding(sa, sprintf("min_tls_version is %s: clients may connect with TLS older than 1.2", [v]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_storage_account"], ["min_tls_version"])
}
