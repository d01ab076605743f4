resource "google_essential_contacts_contact" "security" {
  parent                              = "organizations/${var.org_id}"
  email                               = var.security_email
  language_tag                        = "en-GB"
  notification_category_subscriptions = ["SECURITY", "TECHNICAL", "SUSPENSION"]
}

resource "google_essential_contacts_contact" "billing" {
  parent                              = "organizations/${var.org_id}"
  email                               = "gcp-billing@acme.example"
  language_tag                        = "en-GB"
  notification_category_subscriptions = ["BILLING", "LEGAL"]
}

# Security Command Center findings of every project, to the SIEM connector.
resource "google_pubsub_topic" "scc_findings" {
  project = var.security_project_id
  name    = "scc-findings"
}

resource "google_scc_v2_organization_notification_config" "active_findings" {
  config_id    = "active-findings"
  organization = var.org_id
  location     = "global"
  description  = "Active findings of the organization to the SIEM"
  pubsub_topic = google_pubsub_topic.scc_findings.id

  streaming_config {
    filter = "state = \"ACTIVE\""
  }
}

# Resource changes of the whole organization, for the CMDB and drift checks.
resource "google_pubsub_topic" "asset_changes" {
  project = var.security_project_id
  name    = "asset-changes"
}

resource "google_cloud_asset_organization_feed" "resources" {
  billing_project = var.security_project_id
  org_id          = var.org_id
  feed_id         = "resource-changes"
  content_type    = "RESOURCE"
  asset_types     = [".*"]

  feed_output_config {
    pubsub_destination {
      topic = google_pubsub_topic.asset_changes.id
    }
  }
}
