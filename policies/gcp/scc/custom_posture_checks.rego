# METADATA
# title: Security Health Analytics custom modules evaluate resources
# description: >-
#   The estate declares at least one enabled Security Health Analytics custom
#   module (organization, folder or project level), so that the organisation's
#   own configuration rules are evaluated automatically on every resource and
#   raise findings.
# custom:
#   id: RUNGS-GCP-SCC-002
#   severity: low
#   kind: presence
#   resource_types: [google_scc_management_organization_security_health_analytics_custom_module, google_scc_management_folder_security_health_analytics_custom_module, google_scc_management_project_security_health_analytics_custom_module, google_scc_organization_custom_module, google_scc_folder_custom_module, google_scc_project_custom_module]
#   controls: [CMP-3.1]
#   frameworks:
#     csa-ccm-v4: ["CCC-07"]
#   remediation: |
#     Declare a custom module at the organization:
#       resource "google_scc_management_organization_security_health_analytics_custom_module" "cmek" {
#         organization     = "123456789"
#         location         = "global"
#         display_name     = "bucket_cmek"
#         enablement_state = "ENABLED"
#         # custom_config { predicate { expression = "..." } resource_selector { ... } severity = "HIGH" }
#       }
package rungs.gcp.scc.custom_posture_checks

import rego.v1

import data.rungs.lib

types := [
	"google_scc_management_organization_security_health_analytics_custom_module",
	"google_scc_management_folder_security_health_analytics_custom_module",
	"google_scc_management_project_security_health_analytics_custom_module",
	"google_scc_organization_custom_module",
	"google_scc_folder_custom_module",
	"google_scc_project_custom_module",
]

# A module counts unless it is DISABLED (unknown counts in favour of presence).
present if {
	some t in types
	some m in lib.resources(t)
	lib.attr(m, "enablement_state", "ENABLED") != "DISABLED"
}
