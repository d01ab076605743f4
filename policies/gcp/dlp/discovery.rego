# METADATA
# title: Sensitive Data Protection discovers sensitive data
# description: >-
#   The estate declares a Sensitive Data Protection discovery configuration or
#   inspection job trigger, so that data stores are scanned and the sensitive
#   data they hold is classified automatically.
# custom:
#   id: RUNGS-GCP-DLP-001
#   severity: low
#   kind: presence
#   resource_types: [google_data_loss_prevention_discovery_config, google_data_loss_prevention_job_trigger]
#   controls: [DAT-4.2]
#   frameworks:
#     csa-ccm-v4: ["DSP-03", "DSP-04"]
#   remediation: |
#     Profile the organisation's BigQuery and Cloud SQL data:
#       resource "google_data_loss_prevention_discovery_config" "org" {
#         parent   = "organizations/123456789/locations/europe"
#         location = "europe"
#         status   = "RUNNING"
#         # targets { big_query_target { ... } } and org_config { ... }
#       }
package rungs.gcp.dlp.discovery

import rego.v1

import data.rungs.lib

types := ["google_data_loss_prevention_discovery_config", "google_data_loss_prevention_job_trigger"]

# A discovery configuration runs unless its status is PAUSED.
present if {
	some c in lib.resources("google_data_loss_prevention_discovery_config")
	lib.attr(c, "status", "RUNNING") != "PAUSED"
}

# A job trigger runs unless its status is PAUSED or CANCELLED.
present if {
	some t in lib.resources("google_data_loss_prevention_job_trigger")
	not lib.attr(t, "status", "HEALTHY") in {"PAUSED", "CANCELLED"}
}
