# METADATA
# title: MySQL single servers require TLS 1.2
# description: >-
#   MySQL single servers (retired by Microsoft, still found in code) keep
#   ssl_enforcement_enabled = true and ssl_minimal_tls_version_enforced at
#   TLS1_2 (the provider default), so that clients connect over TLS 1.2 or
#   later.
# custom:
#   id: RUNGS-AZURE-MYSQL-003
#   severity: high
#   kind: resource
#   resource_types: [azurerm_mysql_server]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Enforce TLS 1.2 (and plan the move to a flexible server):
#       resource "azurerm_mysql_server" "main" {
#         # ...
#         ssl_enforcement_enabled          = true
#         ssl_minimal_tls_version_enforced = "TLS1_2"
#       }
package rungs.azure.mysql.single_server_tls

import rego.v1

import data.rungs.lib

# ssl_enforcement_enabled is required by the provider; ssl_minimal_tls_version_enforced
# defaults to TLS1_2.
weak(r) if lib.falsy(lib.attr(r, "ssl_enforcement_enabled", true))

weak(r) if {
	v := lib.attr(r, "ssl_minimal_tls_version_enforced", "TLS1_2")
	lib.is_known_string(v)
	not v in {"TLS1_2", "TLS1_3"}
}

deny contains finding if {
	some r in lib.resources("azurerm_mysql_server")
	weak(r)
	finding := lib.finding(r, "MySQL server accepts unencrypted or pre-TLS 1.2 connections (ssl_enforcement_enabled, ssl_minimal_tls_version_enforced)")
}

# What the scan cannot know decides nothing: the server is not judged, never passed.
unknown contains finding if {
	some r in lib.resources("azurerm_mysql_server")
	not weak(r)
	some key in ["ssl_enforcement_enabled", "ssl_minimal_tls_version_enforced"]
	lib.is_unknown(lib.attr(r, key, null))
	finding := lib.finding(r, sprintf("%s is unknown at scan time", [key]))
}
