# METADATA
# title: Azure SQL servers refuse TLS versions older than 1.2
# description: >-
#   Every azurerm_mssql_server requires TLS 1.2 or newer from clients
#   (minimum_tls_version "1.2", the default of azurerm v3 and v4), so that
#   connections cannot fall back to TLS 1.0 or 1.1 or to no minimum at all.
# custom:
#   id: RUNGS-AZURE-SQL-002
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_mssql_server]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Require TLS 1.2 (or remove the argument: "1.2" is the default):
#       resource "azurerm_mssql_server" "main" {
#         # ...
#         minimum_tls_version = "1.2"
#       }
package rungs.azure.sql.min_tls

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

deny contains finding if {
	some s in lib.resources("azurerm_mssql_server")
	# A missing minimum_tls_version is the provider default, "1.2".
	v := lib.attr(s, "minimum_tls_version", "1.2")
	azure.one_of(v, {"1.0", "1.1", "disabled"})
	finding := lib.finding(s, sprintf("minimum_tls_version is %v: clients may connect with TLS older than 1.2", [v]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_mssql_server"], ["minimum_tls_version"])
}
