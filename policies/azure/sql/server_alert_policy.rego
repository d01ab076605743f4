# METADATA
# title: Azure SQL server security alert policies are enabled
# description: >-
#   azurerm_mssql_server_security_alert_policy resources keep state = "Enabled",
#   so that Microsoft Defender for SQL raises alerts on SQL injection, anomalous
#   access and brute force against the server. A policy declared Disabled
#   switches detection off.
# custom:
#   id: RUNGS-AZURE-SQL-008
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_mssql_server_security_alert_policy]
#   controls: [IR-2.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     Enable the policy (and send the alerts to the security team):
#       resource "azurerm_mssql_server_security_alert_policy" "main" {
#         resource_group_name  = azurerm_resource_group.data.name
#         server_name          = azurerm_mssql_server.main.name
#         state                = "Enabled"
#         email_account_admins = true
#       }
package rungs.azure.sql.server_alert_policy

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["azurerm_mssql_server_security_alert_policy"]

path := ["state"]

# state is required by the provider; a missing value is read as Disabled.
value(r) := checks.setting(r, path, "Disabled")

good(v) if v == "Enabled"

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "SQL server security alert policy is disabled (state)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "state is unknown at scan time")
}
