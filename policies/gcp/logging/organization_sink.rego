# METADATA
# title: An organization-level log sink collects the logs of every project
# description: >-
#   A google_logging_organization_sink with include_children = true (false by
#   default) routes the logs of every folder and project of the organization to
#   a central destination owned by the security team, so that project owners
#   cannot delete or shorten them.
# custom:
#   id: RUNGS-GCP-LOGGING-002
#   severity: medium
#   kind: presence
#   resource_types: [google_logging_organization_sink]
#   controls: [LOG-4.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-02"]
#   remediation: |
#     Aggregate the organization's audit logs into the security project:
#       resource "google_logging_organization_sink" "audit" {
#         name             = "org-audit-logs"
#         org_id           = "123456789012"
#         destination      = "logging.googleapis.com/projects/acme-security/locations/global/buckets/org-audit"
#         include_children = true
#         filter           = "logName:\"cloudaudit.googleapis.com\""
#       }
package rungs.gcp.logging.organization_sink

import rego.v1

import data.rungs.lib

present if {
	some s in lib.resources("google_logging_organization_sink")
	not lib.falsy(lib.attr(s, "include_children", false))
	not lib.truthy(lib.attr(s, "disabled", false))
}
