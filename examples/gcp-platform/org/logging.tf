# Audit logs of the whole organization: data access logs on, every project's
# audit logs routed to a locked log bucket in the security project, and alerts
# on IAM and audit configuration changes.

resource "google_organization_iam_audit_config" "all_services" {
  org_id  = var.org_id
  service = "allServices"

  audit_log_config {
    log_type = "ADMIN_READ"
  }

  audit_log_config {
    log_type = "DATA_READ"
  }

  audit_log_config {
    log_type = "DATA_WRITE"
  }
}

resource "google_logging_project_bucket_config" "org_audit" {
  project        = google_project.this["acme-security"].project_id
  location       = "global"
  bucket_id      = "org-audit"
  retention_days = 400
  locked         = true
  description    = "Audit logs of every project of the organization"
}

resource "google_logging_organization_sink" "audit" {
  name             = "org-audit-logs"
  org_id           = var.org_id
  destination      = "logging.googleapis.com/${google_logging_project_bucket_config.org_audit.id}"
  include_children = true
  filter           = "logName:\"cloudaudit.googleapis.com\""
}

resource "google_project_iam_member" "audit_sink_writer" {
  project = google_project.this["acme-security"].project_id
  role    = "roles/logging.bucketWriter"
  member  = google_logging_organization_sink.audit.writer_identity
}

resource "google_monitoring_notification_channel" "security" {
  project      = var.security_project_id
  display_name = "Security team"
  type         = "email"

  labels = {
    email_address = var.security_email
  }
}

resource "google_logging_metric" "iam_changes" {
  project = var.security_project_id
  name    = "org-iam-policy-changes"
  filter  = "protoPayload.methodName=\"SetIamPolicy\" AND protoPayload.serviceName=\"cloudresourcemanager.googleapis.com\""

  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
  }
}

resource "google_monitoring_alert_policy" "iam_changes" {
  project               = var.security_project_id
  display_name          = "Organization, folder or project IAM policy changed"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.security.id]

  conditions {
    display_name = "SetIamPolicy on the resource hierarchy"

    condition_threshold {
      filter          = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.iam_changes.name}\" AND resource.type=\"global\""
      comparison      = "COMPARISON_GT"
      threshold_value = 0
      duration        = "0s"

      aggregations {
        alignment_period   = "300s"
        per_series_aligner = "ALIGN_COUNT"
      }
    }
  }
}

resource "google_monitoring_alert_policy" "audit_config_changes" {
  project               = var.security_project_id
  display_name          = "Audit configuration changed"
  combiner              = "OR"
  notification_channels = [google_monitoring_notification_channel.security.id]

  conditions {
    display_name = "auditConfigDeltas in a SetIamPolicy call"

    condition_matched_log {
      filter = "protoPayload.methodName=\"SetIamPolicy\" AND protoPayload.serviceData.policyDelta.auditConfigDeltas:*"
    }
  }

  alert_strategy {
    notification_rate_limit {
      period = "300s"
    }
  }
}
