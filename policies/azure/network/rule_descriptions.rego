# METADATA
# title: Network security group rules describe their purpose
# description: >-
#   Every rule of a network security group, inline security_rule or
#   azurerm_network_security_rule, carries a non-empty description, so that a
#   reviewer can tell why the traffic is allowed or denied and whether the
#   rule is still needed.
# custom:
#   id: RUNGS-AZURE-NETWORK-003
#   severity: low
#   kind: resource
#   resource_types: [azurerm_network_security_group, azurerm_network_security_rule]
#   controls: [NET-3.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Say what the rule is for:
#       resource "azurerm_network_security_rule" "https" {
#         # ...
#         description = "HTTPS from the internet to the application gateway subnet"
#       }
package rungs.azure.network.rule_descriptions

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

# A description that is absent, null or blank (unknown counts as written).
undescribed(obj) if {
	d := azure.get(obj, "description", "")
	lib.is_known_string(d)
	trim_space(d) == ""
}

deny contains finding if {
	some nsg in lib.resources("azurerm_network_security_group")
	some b in lib.blocks(nsg, "security_rule")
	undescribed(b)
	finding := lib.finding(nsg, sprintf("Rule %v has no description", [azure.get(b, "name", "?")]))
}

deny contains finding if {
	some r in lib.resources("azurerm_network_security_rule")
	undescribed(lib.config(r))
	finding := lib.finding(r, sprintf("Rule %v has no description", [lib.attr(r, "name", "?")]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_network_security_group", "azurerm_network_security_rule"], ["security_rule", "description"])
}
