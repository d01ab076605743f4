# METADATA
# title: No network security group opens SSH or RDP to the internet
# description: >-
#   No inbound Allow rule of a network security group admits the internet
#   ("*", "Internet", 0.0.0.0/0, ::/0) to the remote administration ports 22
#   (SSH) and 3389 (RDP) over TCP, whether the rule is an inline security_rule
#   of azurerm_network_security_group or an azurerm_network_security_rule.
#   Port ranges ("20-30", "*") and lists count; a rule denied first by a
#   higher-priority Deny rule of the same NSG (joined by reference or by
#   name) does not.
# custom:
#   id: RUNGS-AZURE-NETWORK-001
#   severity: critical
#   kind: resource
#   resource_types: [azurerm_network_security_group, azurerm_network_security_rule]
#   controls: [NET-1.1]
#   frameworks:
#     cis-azure-foundations-3.0: ["7.1", "7.2"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Reach virtual machines through Azure Bastion or a VPN, and restrict the
#     source of any administration rule to a trusted range:
#       resource "azurerm_network_security_rule" "ssh_from_vpn" {
#         name                        = "allow-ssh-from-vpn"
#         network_security_group_name = azurerm_network_security_group.app.name
#         resource_group_name         = azurerm_resource_group.net.name
#         priority                    = 200
#         direction                   = "Inbound"
#         access                      = "Allow"
#         protocol                    = "Tcp"
#         source_port_range           = "*"
#         destination_port_range      = "22"
#         source_address_prefix       = "10.100.0.0/16"
#         destination_address_prefix  = "VirtualNetwork"
#       }
package rungs.azure.network.no_public_admin_ports

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

# The document's NSG rules, normalised once.
rules := azure.nsg_rules(0)

deny contains finding if {
	some rule in rules
	azure.inbound_allow_from_internet(rule)
	azure.protocol_is(rule, {"tcp", "*"})
	ports := {p |
		some p in data.rungs.lib.admin_ports
		azure.reaches(rule, p)
		not azure.tcp_port_shadowed(rule, p, rules)
	}
	count(ports) > 0
	finding := {"resource": rule.address, "message": sprintf("Inbound rule %v allows %s to port(s) %v", [rule.name, concat(", ", sort(azure.open_sources(rule))), sort(ports)])}
}

# An inbound Allow rule whose sources or ports are unknown at scan time may open an admin port to
# the internet: not judged (sources from a variable without a value, ports from one).
unknown contains finding if {
	some rule in rules
	azure.eq(rule.direction, "inbound")
	azure.eq(rule.access, "allow")
	may_carry_tcp(rule)
	may_reach_admin(rule)
	may_come_from_internet(rule)
	unknown_decides(rule)
	finding := {"resource": rule.address, "message": sprintf("Inbound rule %v: its sources or destination ports are unknown at scan time", [rule.name])}
}

may_carry_tcp(rule) if azure.protocol_is(rule, {"tcp", "*"})

may_carry_tcp(rule) if lib.is_unknown(rule.protocol)

may_reach_admin(rule) if {
	some p in lib.admin_ports
	azure.reaches(rule, p)
}

may_reach_admin(rule) if rule.ports_unknown

may_come_from_internet(rule) if count(azure.open_sources(rule)) > 0

may_come_from_internet(rule) if rule.sources_unknown

unknown_decides(rule) if rule.sources_unknown

unknown_decides(rule) if rule.ports_unknown

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_network_security_group", "azurerm_network_security_rule"], ["security_rule", "direction", "access"])
}
