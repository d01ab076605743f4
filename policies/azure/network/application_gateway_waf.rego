# METADATA
# title: Application gateways filter requests with a web application firewall
# description: >-
#   Application gateways run a WAF: a WAF or WAF_v2 SKU with a
#   firewall_policy_id or an enabled waf_configuration. A Standard gateway, or a
#   WAF gateway whose firewall is switched off, passes every request to the
#   backends.
# custom:
#   id: RUNGS-AZURE-NETWORK-006
#   severity: high
#   kind: resource
#   resource_types: [azurerm_application_gateway]
#   controls: [NET-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-09"]
#   remediation: |
#     Use the WAF_v2 SKU with a WAF policy in prevention mode:
#       resource "azurerm_application_gateway" "web" {
#         # ...
#         sku {
#           name = "WAF_v2"
#           tier = "WAF_v2"
#         }
#         firewall_policy_id = azurerm_web_application_firewall_policy.web.id
#       }
package rungs.azure.network.application_gateway_waf

import rego.v1

import data.rungs.lib

waf_tiers := {"WAF", "WAF_v2"}

tier(r) := t if {
	some s in lib.blocks(r, "sku")
	t := object.get(s, "tier", null)
}

waf_tier(r) if tier(r) in waf_tiers

# A WAF policy attached by id (unknown text counts: the gateway references a policy).
filters(r) if {
	waf_tier(r)
	lib.is_set(lib.attr(r, "firewall_policy_id", null))
}

filters(r) if {
	waf_tier(r)
	some w in lib.blocks(r, "waf_configuration")
	lib.truthy(object.get(w, "enabled", false))
}

# What the scan cannot know decides nothing: the gateway is not judged, never passed.
undecided(r) if lib.is_unknown(lib.attr(r, "sku", null))

undecided(r) if lib.is_unknown(tier(r))

undecided(r) if {
	waf_tier(r)
	some w in lib.blocks(r, "waf_configuration")
	lib.is_unknown(object.get(w, "enabled", null))
}

undecided(r) if {
	waf_tier(r)
	lib.is_unknown(lib.attr(r, "waf_configuration", null))
}

deny contains finding if {
	some r in lib.resources("azurerm_application_gateway")
	not filters(r)
	not undecided(r)
	finding := lib.finding(r, "Application gateway has no web application firewall (WAF SKU with firewall_policy_id or waf_configuration)")
}

unknown contains finding if {
	some r in lib.resources("azurerm_application_gateway")
	not filters(r)
	undecided(r)
	finding := lib.finding(r, "sku tier or WAF settings are unknown at scan time")
}
