# METADATA
# title: Activity log alerts watch security-relevant operations
# description: >-
#   An enabled azurerm_monitor_activity_log_alert with an action group watches
#   at least one security-relevant control-plane operation (policy
#   assignments, network security groups and their rules, security solutions,
#   SQL firewall rules, public IP addresses) or the Security category, so that
#   changes to guardrails and exposure reach a person.
# custom:
#   id: RUNGS-AZURE-MONITOR-004
#   severity: medium
#   kind: presence
#   resource_types: [azurerm_monitor_activity_log_alert]
#   controls: [LOG-3.2]
#   frameworks:
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     Alert on the operations of CIS section 6.2 (one alert per operation):
#       resource "azurerm_monitor_activity_log_alert" "nsg_write" {
#         name                = "nsg-create-update"
#         resource_group_name = azurerm_resource_group.monitoring.name
#         location            = "global"
#         scopes              = [data.azurerm_subscription.current.id]
#         criteria {
#           category       = "Administrative"
#           operation_name = "Microsoft.Network/networkSecurityGroups/write"
#         }
#         action {
#           action_group_id = azurerm_monitor_action_group.security.id
#         }
#       }
package rungs.azure.monitor.activity_log_alerts

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

security_operations := {
	"microsoft.authorization/policyassignments/write",
	"microsoft.authorization/policyassignments/delete",
	"microsoft.network/networksecuritygroups/write",
	"microsoft.network/networksecuritygroups/delete",
	"microsoft.network/networksecuritygroups/securityrules/write",
	"microsoft.network/networksecuritygroups/securityrules/delete",
	"microsoft.security/securitysolutions/write",
	"microsoft.security/securitysolutions/delete",
	"microsoft.sql/servers/firewallrules/write",
	"microsoft.sql/servers/firewallrules/delete",
	"microsoft.network/publicipaddresses/write",
	"microsoft.network/publicipaddresses/delete",
}

watches(c) if azure.one_of(azure.get(c, "operation_name", null), security_operations)

watches(c) if azure.eq(azure.get(c, "category", null), "security")

watches(c) if lib.is_unknown(azure.get(c, "operation_name", null))

# An action block (or actions the scan cannot know).
notifies(a) if count(lib.blocks(a, "action")) > 0

notifies(a) if lib.is_unknown(lib.attr(a, "action", null))

present if {
	some a in lib.resources("azurerm_monitor_activity_log_alert")
	# enabled defaults to true.
	not lib.falsy(lib.attr(a, "enabled", true))
	some c in lib.blocks(a, "criteria")
	watches(c)
	notifies(a)
}

present if {
	some a in lib.resources("azurerm_monitor_activity_log_alert")
	not lib.falsy(lib.attr(a, "enabled", true))
	lib.is_unknown(lib.attr(a, "criteria", null))
	notifies(a)
}
