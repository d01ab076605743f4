# METADATA
# title: The subscription activity log is exported
# description: >-
#   An azurerm_monitor_diagnostic_setting on a subscription
#   (target_resource_id "/subscriptions/<id>" or
#   data.azurerm_subscription.<x>.id) sends at least the Administrative
#   category (or the allLogs/audit group) of the activity log to a Log
#   Analytics workspace, storage account or event hub, so that control-plane
#   operations are kept beyond the 90 days Azure retains them. A legacy
#   azurerm_monitor_log_profile counts as well.
# custom:
#   id: RUNGS-AZURE-MONITOR-001
#   severity: high
#   kind: presence
#   resource_types: [azurerm_monitor_diagnostic_setting, azurerm_monitor_log_profile]
#   controls: [LOG-1.1]
#   frameworks:
#     cis-azure-foundations-3.0: ["6.1.1"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Export the activity log of each subscription:
#       data "azurerm_subscription" "current" {}
#       resource "azurerm_monitor_diagnostic_setting" "activity_log" {
#         name                       = "activity-log-to-law"
#         target_resource_id         = data.azurerm_subscription.current.id
#         log_analytics_workspace_id = azurerm_log_analytics_workspace.security.id
#         enabled_log {
#           category = "Administrative"
#         }
#         enabled_log {
#           category = "Security"
#         }
#         enabled_log {
#           category = "Policy"
#         }
#         enabled_log {
#           category = "Alert"
#         }
#       }
package rungs.azure.monitor.activity_log_export

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

present if {
	some ds in lib.resources("azurerm_monitor_diagnostic_setting")
	azure.maybe_subscription_scope(lib.attr(ds, "target_resource_id", null))
	azure.diag_captures(ds, {"administrative"})
}

# Log profiles (retired by Azure, still found in older code) export the
# activity log of the whole subscription.
present if {
	some lp in lib.resources("azurerm_monitor_log_profile")
	cats := lib.attr(lp, "categories", ["Write"])
	some c in lib.as_array(cats)
	azure.maybe_eq(c, "write")
}
