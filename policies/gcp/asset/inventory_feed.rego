# METADATA
# title: Resource configuration changes are streamed by a Cloud Asset Inventory feed
# description: >-
#   A Cloud Asset Inventory feed (organization, folder or project level)
#   publishes resource or IAM policy changes to Pub/Sub, so that configuration
#   changes are recorded and can be acted on continuously.
# custom:
#   id: RUNGS-GCP-ASSET-001
#   severity: low
#   kind: presence
#   resource_types: [google_cloud_asset_organization_feed, google_cloud_asset_folder_feed, google_cloud_asset_project_feed]
#   controls: [CMP-2.1]
#   frameworks:
#     csa-ccm-v4: ["CCC-07"]
#   remediation: |
#     Stream resource changes of the organization:
#       resource "google_cloud_asset_organization_feed" "resources" {
#         billing_project = "acme-security"
#         org_id          = "123456789012"
#         feed_id         = "resource-changes"
#         content_type    = "RESOURCE"
#         asset_types     = [".*"]
#         feed_output_config {
#           pubsub_destination {
#             topic = google_pubsub_topic.asset_changes.id
#           }
#         }
#       }
package rungs.gcp.asset.inventory_feed

import rego.v1

import data.rungs.lib

types := ["google_cloud_asset_organization_feed", "google_cloud_asset_folder_feed", "google_cloud_asset_project_feed"]

present if {
	some t in types
	lib.has_resource(t)
}
