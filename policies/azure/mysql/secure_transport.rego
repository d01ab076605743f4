# METADATA
# title: MySQL flexible servers require encrypted connections
# description: >-
#   No azurerm_mysql_flexible_server_configuration turns the
#   require_secure_transport server parameter off. The server default is ON, so
#   that clients must connect over TLS.
# custom:
#   id: RUNGS-AZURE-MYSQL-002
#   severity: high
#   kind: resource
#   resource_types: [azurerm_mysql_flexible_server_configuration]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Remove the override, or keep the parameter on:
#       resource "azurerm_mysql_flexible_server_configuration" "secure_transport" {
#         name      = "require_secure_transport"
#         server_id = azurerm_mysql_flexible_server.main.id
#         value     = "on"
#       }
package rungs.azure.mysql.secure_transport

import rego.v1

import data.rungs.lib

parameter := "require_secure_transport"

# Server parameter names are case-insensitive; the value is "ON" or "OFF".
names_parameter(r) if {
	n := lib.attr(r, "name", "")
	lib.is_known_string(n)
	lower(n) == parameter
}

deny contains finding if {
	some r in lib.resources("azurerm_mysql_flexible_server_configuration")
	names_parameter(r)
	v := lib.attr(r, "value", "")
	lib.is_known_string(v)
	lower(v) == "off"
	finding := lib.finding(r, "require_secure_transport is turned off: the server accepts unencrypted connections")
}

# What the scan cannot know decides nothing: the parameter is not judged, never passed.
unknown contains finding if {
	some r in lib.resources("azurerm_mysql_flexible_server_configuration")
	names_parameter(r)
	lib.is_unknown(lib.attr(r, "value", null))
	finding := lib.finding(r, "value is unknown at scan time")
}

unknown contains finding if {
	some r in lib.resources("azurerm_mysql_flexible_server_configuration")
	lib.is_unknown(lib.attr(r, "name", null))
	v := lib.attr(r, "value", "")
	not lib.is_known_string(v)
	finding := lib.finding(r, "name and value are unknown at scan time")
}

unknown contains finding if {
	some r in lib.resources("azurerm_mysql_flexible_server_configuration")
	lib.is_unknown(lib.attr(r, "name", null))
	v := lib.attr(r, "value", "")
	lib.is_known_string(v)
	lower(v) == "off"
	finding := lib.finding(r, "name is unknown at scan time")
}
