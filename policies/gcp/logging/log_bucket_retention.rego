# METADATA
# title: Log buckets keep logs for at least one year
# description: >-
#   Every Cloud Logging bucket configured in code
#   (google_logging_*_bucket_config) keeps its logs at least 365 days
#   (retention_days, 30 by default), so that an investigation can look back
#   a year.
# custom:
#   id: RUNGS-GCP-LOGGING-003
#   severity: low
#   kind: resource
#   resource_types: [google_logging_project_bucket_config, google_logging_folder_bucket_config, google_logging_organization_bucket_config, google_logging_billing_account_bucket_config]
#   controls: [LOG-2.2]
#   frameworks:
#     csa-ccm-v4: ["LOG-02"]
#   remediation: |
#     Keep a year of logs (lock the bucket once the value is final):
#       resource "google_logging_project_bucket_config" "audit" {
#         project        = "acme-security"
#         location       = "global"
#         bucket_id      = "org-audit"
#         retention_days = 400
#       }
package rungs.gcp.logging.log_bucket_retention

import rego.v1

import data.rungs.lib

types := ["google_logging_project_bucket_config", "google_logging_folder_bucket_config", "google_logging_organization_bucket_config", "google_logging_billing_account_bucket_config"]

deny contains finding if {
	some t in types
	some b in lib.resources(t)
	# Cloud Logging keeps logs 30 days when retention_days is absent.
	days := lib.to_num(lib.attr(b, "retention_days", 30))
	days < 365
	finding := lib.finding(b, sprintf("Log bucket keeps logs %v days, less than 365", [days]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_logging_project_bucket_config", "google_logging_folder_bucket_config", "google_logging_organization_bucket_config", "google_logging_billing_account_bucket_config"], ["retention_days"])
}
