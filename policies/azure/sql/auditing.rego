# METADATA
# title: Azure SQL servers have auditing enabled
# description: >-
#   Every azurerm_mssql_server has server auditing enabled through an
#   azurerm_mssql_server_extended_auditing_policy (or, on azurerm v2, an
#   inline extended_auditing_policy block), so that logins, queries and
#   permission changes on all its databases are recorded.
# custom:
#   id: RUNGS-AZURE-SQL-004
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_mssql_server]
#   controls: [LOG-2.3]
#   frameworks:
#     cis-azure-foundations-3.0: ["5.1.1"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Send the server's audit log to Azure Monitor (with a diagnostic setting
#     on the master database) or to a storage account:
#       resource "azurerm_mssql_server_extended_auditing_policy" "main" {
#         server_id              = azurerm_mssql_server.main.id
#         log_monitoring_enabled = true
#         retention_in_days      = 120
#       }
package rungs.azure.sql.auditing

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

policy_type := "azurerm_mssql_server_extended_auditing_policy"

# `enabled` defaults to true on the auditing policy resource.
audited(s) if {
	some p in azure.companions(s, policy_type, "server_id")
	not lib.falsy(lib.attr(p, "enabled", true))
}

audited(s) if azure.ambiguous(s, policy_type, "server_id")

# azurerm v2 inline block.
audited(s) if count(lib.blocks(s, "extended_auditing_policy")) > 0

audited(s) if lib.is_unknown(lib.attr(s, "extended_auditing_policy", null))

deny contains finding if {
	some s in lib.resources("azurerm_mssql_server")
	not audited(s)
	finding := lib.finding(s, "Server auditing is not enabled (no azurerm_mssql_server_extended_auditing_policy for this server)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_mssql_server"], ["enabled", "extended_auditing_policy"])
}
