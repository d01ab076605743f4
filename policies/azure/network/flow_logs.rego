# METADATA
# title: Virtual networks have flow logs
# description: >-
#   Every azurerm_virtual_network is covered by an enabled
#   azurerm_network_watcher_flow_log: a virtual network flow log targeting it
#   or one of its subnets (target_resource_id), or a legacy NSG flow log
#   (network_security_group_id, or target_resource_id naming an NSG) on a
#   network security group associated with one of its subnets, so that the
#   traffic it carries can be investigated.
# custom:
#   id: RUNGS-AZURE-NETWORK-004
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_virtual_network]
#   controls: [NET-2.2, LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08", "IVS-09"]
#   remediation: |
#     Enable a virtual network flow log (NSG flow logs can no longer be
#     created since 30 July 2025):
#       resource "azurerm_network_watcher_flow_log" "vnet" {
#         name                 = "fl-vnet-prod"
#         network_watcher_name = "NetworkWatcher_westeurope"
#         resource_group_name  = "NetworkWatcherRG"
#         target_resource_id   = azurerm_virtual_network.main.id
#         storage_account_id   = azurerm_storage_account.flowlogs.id
#         enabled              = true
#         version              = 2
#         retention_policy {
#           enabled = true
#           days    = 90
#         }
#       }
package rungs.azure.network.flow_logs

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

fl_type := "azurerm_network_watcher_flow_log"

target_keys := ["target_resource_id", "network_security_group_id"]

# `enabled` is required; only a known false turns the flow log off.
enabled_flow_logs := [fl |
	some fl in lib.resources(fl_type)
	not lib.falsy(lib.attr(fl, "enabled", true))
]

# The joins below are computed once per document, as sets of addresses, so
# that the cost grows with the sum of flow logs, subnets, associations and
# networks rather than with their product.

# Addresses of the resources (virtual networks, subnets, NSGs) an enabled flow
# log names, by reference or by a known id ending with the resource's name.
flow_logged contains x.address if {
	some fl in enabled_flow_logs
	some key in target_keys
	v := lib.attr(fl, key, null)
	v != null
	some t in ["azurerm_virtual_network", "azurerm_subnet", "azurerm_network_security_group"]
	some x in lib.resources(t)
	names(v, x, fl)
}

names(v, x, fl) if lib.designates(v, x, lib.module_of(fl))

names(v, x, _) if azure.id_names(v, x)

# An enabled flow log whose target the scan cannot tell may cover anything.
unresolved_flow_log if {
	some fl in enabled_flow_logs
	some key in target_keys
	azure.unresolved(lib.attr(fl, key, null))
}

# Subnets with a flow log of their own or on an associated NSG.
covered_subnets contains s.address if {
	some s in lib.resources("azurerm_subnet")
	s.address in flow_logged
}

covered_subnets contains s.address if {
	some a in lib.resources("azurerm_subnet_network_security_group_association")
	some nsg in lib.resources("azurerm_network_security_group")
	nsg.address in flow_logged
	lib.designates(lib.attr(a, "network_security_group_id", null), nsg, lib.module_of(a))
	some s in lib.resources("azurerm_subnet")
	lib.designates(lib.attr(a, "subnet_id", null), s, lib.module_of(a))
}

# Subnet s belongs to vnet: its virtual_network_name designates vnet or equals
# its known name, or cannot be told.
subnet_of(s, vnet) if lib.designates(lib.attr(s, "virtual_network_name", null), vnet, lib.module_of(s))

subnet_of(s, vnet) if {
	n := azure.lc(lib.attr(s, "virtual_network_name", null))
	n == azure.lc(lib.attr(vnet, "name", null))
}

subnet_of(s, _) if azure.unresolved(lib.attr(s, "virtual_network_name", null))

covered(vnet) if vnet.address in flow_logged

covered(_) if unresolved_flow_log

covered(vnet) if {
	some s in lib.resources("azurerm_subnet")
	s.address in covered_subnets
	subnet_of(s, vnet)
}

# Inline subnet blocks of the virtual network with their security_group.
covered(vnet) if {
	some sb in lib.blocks(vnet, "subnet")
	some nsg in lib.resources("azurerm_network_security_group")
	nsg.address in flow_logged
	lib.designates(azure.get(sb, "security_group", null), nsg, lib.module_of(vnet))
}

deny contains finding if {
	some vnet in lib.resources("azurerm_virtual_network")
	not covered(vnet)
	finding := lib.finding(vnet, "No flow log covers this virtual network (no VNet flow log, and no NSG flow log on the NSGs of its subnets)")
}
