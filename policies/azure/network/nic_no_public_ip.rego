# METADATA
# title: Network interfaces have no public IP address
# description: >-
#   No ip_configuration of an azurerm_network_interface attaches a public IP
#   address (public_ip_address_id referring to an azurerm_public_ip, or a
#   literal public IP id), so that virtual machines are reached through load
#   balancers, application gateways or Azure Bastion rather than directly.
#   Only a plain reference counts: a conditional or a variable is not judged.
# custom:
#   id: RUNGS-AZURE-NETWORK-005
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_network_interface]
#   controls: [WKL-2.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Remove public_ip_address_id and publish the workload through a load
#     balancer or application gateway; use Azure Bastion for administration:
#       resource "azurerm_network_interface" "app" {
#         # ...
#         ip_configuration {
#           name                          = "internal"
#           subnet_id                     = azurerm_subnet.app.id
#           private_ip_address_allocation = "Dynamic"
#         }
#       }
package rungs.azure.network.nic_no_public_ip

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

# A reference that is nothing but an azurerm_public_ip of the scan.
public_ip(v, nic) if {
	azure.plain_reference(v)
	lib.refers_to_type(v, "azurerm_public_ip", lib.module_of(nic))
}

# A literal public IP resource id.
public_ip(v, _) if {
	s := azure.lc(v)
	contains(s, "/providers/microsoft.network/publicipaddresses/")
}

deny contains finding if {
	some nic in lib.resources("azurerm_network_interface")
	some ipc in lib.blocks(nic, "ip_configuration")
	public_ip(azure.get(ipc, "public_ip_address_id", null), nic)
	finding := lib.finding(nic, sprintf("ip_configuration %v attaches a public IP address", [azure.get(ipc, "name", "?")]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_network_interface"], ["ip_configuration", "public_ip_address_id", "name"])
}
