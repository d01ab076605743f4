# METADATA
# title: Key vaults send their audit events to Azure Monitor
# description: >-
#   Every azurerm_key_vault has an azurerm_monitor_diagnostic_setting
#   (target_resource_id designating the vault) that sends the AuditEvent
#   category (or the allLogs/audit group), so that every read of a secret or
#   use of a key is recorded.
# custom:
#   id: RUNGS-AZURE-MONITOR-002
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_key_vault]
#   controls: [LOG-2.3]
#   frameworks:
#     cis-azure-foundations-3.0: ["6.1.4"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Add a diagnostic setting to each vault:
#       resource "azurerm_monitor_diagnostic_setting" "kv" {
#         name                       = "kv-audit"
#         target_resource_id         = azurerm_key_vault.platform.id
#         log_analytics_workspace_id = azurerm_log_analytics_workspace.security.id
#         enabled_log {
#           category_group = "audit"
#         }
#       }
package rungs.azure.monitor.key_vault_logging

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

ds_type := "azurerm_monitor_diagnostic_setting"

logged(kv) if {
	some ds in azure.companions(kv, ds_type, "target_resource_id")
	azure.diag_captures(ds, {"auditevent"})
}

# A diagnostic setting whose target cannot be told may be this vault's.
logged(kv) if {
	some ds in lib.resources(ds_type)
	azure.unresolved(lib.attr(ds, "target_resource_id", null))
	azure.diag_captures(ds, {"auditevent"})
}

deny contains finding if {
	some kv in lib.resources("azurerm_key_vault")
	not logged(kv)
	finding := lib.finding(kv, "No diagnostic setting sends this vault's AuditEvent logs")
}
