# METADATA
# title: Log Analytics workspaces keep logs for at least a year
# description: >-
#   Every azurerm_log_analytics_workspace retains data for at least 365 days
#   (retention_in_days; the provider default is 30), so that an intrusion
#   discovered months later can still be investigated.
# custom:
#   id: RUNGS-AZURE-MONITOR-003
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_log_analytics_workspace]
#   controls: [LOG-2.2]
#   frameworks:
#     csa-ccm-v4: ["LOG-02"]
#   remediation: |
#     Keep a year of data (up to 730 days are supported):
#       resource "azurerm_log_analytics_workspace" "security" {
#         # ...
#         sku               = "PerGB2018"
#         retention_in_days = 365
#       }
package rungs.azure.monitor.log_retention

import rego.v1

import data.rungs.lib

min_days := 365

deny contains finding if {
	some w in lib.resources("azurerm_log_analytics_workspace")
	# retention_in_days defaults to 30.
	days := lib.to_num(lib.attr(w, "retention_in_days", 30))
	days < min_days
	finding := lib.finding(w, sprintf("Logs are kept %v days (fewer than %d)", [days, min_days]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_log_analytics_workspace"], ["retention_in_days"])
}
