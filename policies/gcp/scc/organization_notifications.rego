# METADATA
# title: Security Command Center findings of the whole organization are exported
# description: >-
#   An organization-level Security Command Center notification config
#   (google_scc_notification_config or google_scc_v2_organization_notification_config)
#   streams findings from every project to a Pub/Sub topic, so that posture and
#   threat findings are aggregated centrally and reach the responders' tools.
# custom:
#   id: RUNGS-GCP-SCC-001
#   severity: low
#   kind: presence
#   resource_types: [google_scc_notification_config, google_scc_v2_organization_notification_config]
#   controls: [VUL-4.1]
#   frameworks:
#     csa-ccm-v4: ["TVM-09"]
#   remediation: |
#     Export active findings to the security project:
#       resource "google_scc_v2_organization_notification_config" "findings" {
#         config_id    = "all-active-findings"
#         organization = "123456789012"
#         location     = "global"
#         pubsub_topic = google_pubsub_topic.scc_findings.id
#         streaming_config {
#           filter = "state = \"ACTIVE\""
#         }
#       }
package rungs.gcp.scc.organization_notifications

import rego.v1

import data.rungs.lib

types := ["google_scc_notification_config", "google_scc_v2_organization_notification_config"]

present if {
	some t in types
	some n in lib.resources(t)
	lib.is_set(lib.attr(n, "pubsub_topic", null))
}
