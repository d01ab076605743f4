# METADATA
# title: An essential contact receives security notifications
# description: >-
#   A google_essential_contacts_contact subscribed to the SECURITY (or ALL)
#   notification category is declared, preferably on the organization, so that
#   Google's security notices (compromised credentials, abuse reports,
#   vulnerabilities) reach the security team rather than whoever holds an IAM
#   role.
# custom:
#   id: RUNGS-GCP-ESSENTIALCONTACTS-001
#   severity: low
#   kind: presence
#   resource_types: [google_essential_contacts_contact]
#   controls: [ORG-1.1]
#   frameworks:
#     csa-ccm-v4: ["SEF-08"]
#   remediation: |
#     Register the security team on the organization:
#       resource "google_essential_contacts_contact" "security" {
#         parent                              = "organizations/123456789012"
#         email                               = "security@example.com"
#         language_tag                        = "en-GB"
#         notification_category_subscriptions = ["SECURITY", "TECHNICAL_INCIDENTS"]
#       }
package rungs.gcp.essentialcontacts.security_contact

import rego.v1

import data.rungs.lib

security_category(c) if c in {"SECURITY", "ALL"}

security_category(c) if lib.is_unknown(c)

present if {
	some contact in lib.resources("google_essential_contacts_contact")
	v := lib.attr(contact, "notification_category_subscriptions", [])
	some c in lib.list_or_empty(v)
	security_category(c)
}

present if {
	some contact in lib.resources("google_essential_contacts_contact")
	lib.is_unknown(lib.attr(contact, "notification_category_subscriptions", []))
}
