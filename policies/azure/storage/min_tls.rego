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
#     Set the minimum TLS version (or leave it unset with a required_providers
#     constraint of azurerm 3.0 or newer: TLS1_2 is the default of v3 and v4):
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
	v := lib.attr(sa, "min_tls_version", null)
	azure.one_of(v, {"tls1_0", "tls1_1"})
	finding := lib.finding(sa, sprintf("min_tls_version is %s: clients may connect with TLS older than 1.2", [v]))
}

# An unset min_tls_version is the provider's default: TLS1_2 from azurerm 3.0, TLS1_0 before.
# The root module's required_providers constraint says which; without one that decides it, an
# unset value is not judged.
deny contains finding if {
	some sa in lib.resources("azurerm_storage_account")
	lib.attr(sa, "min_tls_version", null) == null
	azure.azurerm_from(3) == "fail"
	finding := lib.finding(sa, "min_tls_version is unset and required_providers keeps azurerm below 3.0, whose default is TLS1_0: clients may connect with TLS older than 1.2")
}

unknown contains finding if {
	some sa in lib.resources("azurerm_storage_account")
	lib.attr(sa, "min_tls_version", null) == null
	azure.azurerm_from(3) == "unknown"
	finding := lib.finding(sa, "min_tls_version is unset and required_providers does not pin azurerm to 3.0 or newer (the default was TLS1_0 before 3.0)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_storage_account"], ["min_tls_version"])
}
