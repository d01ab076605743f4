# METADATA
# title: Audit logs are exported by a log sink
# description: >-
#   A Cloud Logging sink (project, folder or organization level) exports all
#   log entries, or at least the Cloud Audit Logs (filter empty, or naming
#   cloudaudit.googleapis.com), to a destination outside the default log
#   buckets, so that management events are kept and can be analysed beyond the
#   default retention.
# custom:
#   id: RUNGS-GCP-LOGGING-004
#   severity: medium
#   kind: presence
#   resource_types: [google_logging_project_sink, google_logging_folder_sink, google_logging_organization_sink]
#   controls: [LOG-1.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Export the audit logs, for example to a locked storage bucket:
#       resource "google_logging_project_sink" "audit" {
#         name                   = "audit-logs"
#         project                = "acme-prod"
#         destination            = "storage.googleapis.com/${google_storage_bucket.audit_logs.name}"
#         filter                 = "logName:\"cloudaudit.googleapis.com\""
#         unique_writer_identity = true
#       }
package rungs.gcp.logging.audit_log_sink

import rego.v1

import data.rungs.lib

types := ["google_logging_project_sink", "google_logging_folder_sink", "google_logging_organization_sink"]

# An empty filter exports every entry; otherwise the filter names the audit logs.
exports_audit_logs(s) if {
	f := lib.attr(s, "filter", "")
	is_string(f)
	trim_space(f) == ""
}

exports_audit_logs(s) if {
	f := lib.attr(s, "filter", "")
	is_string(f)
	contains(f, "cloudaudit.googleapis.com")
}

exports_audit_logs(s) if lib.is_unknown(lib.attr(s, "filter", ""))

present if {
	some t in types
	some s in lib.resources(t)
	not lib.truthy(lib.attr(s, "disabled", false))
	exports_audit_logs(s)
}
