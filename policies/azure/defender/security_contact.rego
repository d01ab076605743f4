# METADATA
# title: A Defender for Cloud security contact is registered
# description: >-
#   An azurerm_security_center_contact with an email address and alert
#   notifications on is declared, so that Microsoft Defender for Cloud alerts
#   and Microsoft's security notices reach the security team and not only the
#   subscription owners.
# custom:
#   id: RUNGS-AZURE-DEFENDER-004
#   severity: low
#   kind: presence
#   resource_types: [azurerm_security_center_contact]
#   controls: [ORG-1.1]
#   frameworks:
#     csa-ccm-v4: ["SEF-08"]
#     cis-azure-foundations-3.0: ["3.1.13"]
#   remediation: |
#     Register the security team's shared mailbox:
#       resource "azurerm_security_center_contact" "security" {
#         name                = "security-team"
#         email               = "cloud-security@example.com"
#         phone               = "+1-555-0100"
#         alert_notifications = true
#         alerts_to_admins    = true
#       }
package rungs.azure.defender.security_contact

import rego.v1

import data.rungs.lib

present if {
	some c in lib.resources("azurerm_security_center_contact")
	lib.is_set(lib.attr(c, "email", null))
	# alert_notifications is required by the provider; a known false sends
	# no alerts.
	not lib.falsy(lib.attr(c, "alert_notifications", true))
}
