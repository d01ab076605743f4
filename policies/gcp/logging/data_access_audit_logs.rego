# METADATA
# title: Data access audit logs are enabled for all services
# description: >-
#   An IAM audit config at project, folder or organization level
#   (google_*_iam_audit_config) turns on the DATA_READ and DATA_WRITE audit
#   logs for allServices, so that reads and writes of data in Cloud Storage,
#   BigQuery, Cloud SQL and the other services are recorded. Admin Activity
#   logs are always on; data access logs are off by default for most services.
# custom:
#   id: RUNGS-GCP-LOGGING-001
#   severity: medium
#   kind: presence
#   resource_types: [google_project_iam_audit_config, google_folder_iam_audit_config, google_organization_iam_audit_config]
#   controls: [LOG-2.3]
#   frameworks:
#     cis-gcp-foundations-3.0: ["2.1"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Enable data access logs for every service, best at the organization:
#       resource "google_organization_iam_audit_config" "all" {
#         org_id  = "123456789012"
#         service = "allServices"
#         audit_log_config {
#           log_type = "ADMIN_READ"
#         }
#         audit_log_config {
#           log_type = "DATA_READ"
#         }
#         audit_log_config {
#           log_type = "DATA_WRITE"
#         }
#       }
package rungs.gcp.logging.data_access_audit_logs

import rego.v1

import data.rungs.lib

types := ["google_project_iam_audit_config", "google_folder_iam_audit_config", "google_organization_iam_audit_config"]

all_services(c) if lib.attr(c, "service", null) == "allServices"

all_services(c) if lib.is_unknown(lib.attr(c, "service", null))

# The config may turn the log type on: it lists it, or a log_type is unknown
# (a dynamic block over a variable), or the blocks are unknown.
logs(c, _) if lib.is_unknown(lib.attr(c, "audit_log_config", null))

logs(c, log_type) if {
	some b in lib.blocks(c, "audit_log_config")
	v := object.get(b, "log_type", null)
	v == log_type
}

logs(c, _) if {
	some b in lib.blocks(c, "audit_log_config")
	lib.is_unknown(object.get(b, "log_type", null))
}

present if {
	some t in types
	some c in lib.resources(t)
	all_services(c)
	logs(c, "DATA_READ")
	logs(c, "DATA_WRITE")
}
