# METADATA
# title: No network security group admits all inbound traffic from the internet
# description: >-
#   No inbound Allow rule of a network security group (inline security_rule or
#   azurerm_network_security_rule) admits the internet to every port ("*" or
#   a range covering 1-65535) over TCP, UDP or all protocols, unless a
#   higher-priority Deny rule of the same NSG blocks the same traffic first.
# custom:
#   id: RUNGS-AZURE-NETWORK-002
#   severity: critical
#   kind: resource
#   resource_types: [azurerm_network_security_group, azurerm_network_security_rule]
#   controls: [NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Allow only the ports the workload serves, from the sources that need them:
#       resource "azurerm_network_security_rule" "https" {
#         name                        = "allow-https"
#         network_security_group_name = azurerm_network_security_group.web.name
#         resource_group_name         = azurerm_resource_group.net.name
#         priority                    = 100
#         direction                   = "Inbound"
#         access                      = "Allow"
#         protocol                    = "Tcp"
#         source_port_range           = "*"
#         destination_port_range      = "443"
#         source_address_prefix       = "Internet"
#         destination_address_prefix  = "VirtualNetwork"
#       }
package rungs.azure.network.no_unrestricted_ingress

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

# The document's NSG rules, normalised once.
rules := azure.nsg_rules(0)

deny contains finding if {
	some rule in rules
	azure.inbound_allow_from_internet(rule)
	azure.protocol_is(rule, {"*", "tcp", "udp"})
	azure.reaches_all(rule)
	not azure.all_ports_shadowed(rule, rules)
	finding := {"resource": rule.address, "message": sprintf("Inbound rule %v allows %s to every port (protocol %v)", [rule.name, concat(", ", sort(azure.open_sources(rule))), rule.protocol])}
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_network_security_group", "azurerm_network_security_rule"], ["security_rule", "direction", "access"])
}
