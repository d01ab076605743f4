# METADATA
# title: Alerts fire on security-relevant audit log events
# description: >-
#   A Cloud Monitoring alert policy (google_monitoring_alert_policy, enabled by
#   default) watches audit log events, either directly with a
#   condition_matched_log or through a log-based metric (google_logging_metric)
#   whose filter selects audit log entries (protoPayload fields,
#   cloudaudit.googleapis.com or SetIamPolicy), so that changes such as IAM
#   policy, audit configuration, custom role or firewall changes reach someone.
# custom:
#   id: RUNGS-GCP-LOGGING-005
#   severity: low
#   kind: presence
#   resource_types: [google_logging_metric, google_monitoring_alert_policy]
#   controls: [LOG-3.2]
#   frameworks:
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     Count IAM policy changes and alert on them:
#       resource "google_logging_metric" "iam_changes" {
#         name   = "iam-policy-changes"
#         filter = "protoPayload.methodName=\"SetIamPolicy\""
#         metric_descriptor {
#           metric_kind = "DELTA"
#           value_type  = "INT64"
#         }
#       }
#       resource "google_monitoring_alert_policy" "iam_changes" {
#         display_name          = "IAM policy changed"
#         combiner              = "OR"
#         notification_channels = [google_monitoring_notification_channel.security.id]
#         conditions {
#           display_name = "SetIamPolicy"
#           condition_threshold {
#             filter          = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.iam_changes.name}\" AND resource.type=\"global\""
#             comparison      = "COMPARISON_GT"
#             threshold_value = 0
#             duration        = "0s"
#           }
#         }
#       }
package rungs.gcp.logging.security_alerts

import rego.v1

import data.rungs.lib

# A log filter selecting audit log entries (or one the scan cannot know).
audit_filter(f) if lib.is_unknown(f)

audit_filter(f) if {
	is_string(f)
	some s in ["protoPayload", "cloudaudit.googleapis.com", "SetIamPolicy"]
	contains(f, s)
}

# The provider default is enabled = true.
alerting(a) if not lib.falsy(lib.attr(a, "enabled", true))

# A metric filter of an alert condition watches this log-based metric: by
# reference, by its known name, or by a value the scan cannot tell.
watches(f, metric, m) if lib.designates(f, metric, m)

watches(f, metric, _) if {
	is_string(f)
	name := lib.attr(metric, "name", null)
	lib.is_known_string(name)
	contains(f, concat("", ["logging.googleapis.com/user/", name]))
}

watches(f, _, m) if {
	lib.is_unknown(f)
	not lib.refers_to_type(f, "google_logging_metric", m)
}

# Log-match alert policies need no metric.
present if {
	some a in lib.resources("google_monitoring_alert_policy")
	alerting(a)
	some c in lib.blocks(a, "conditions")
	some ml in lib.sub_blocks(c, "condition_matched_log")
	audit_filter(object.get(ml, "filter", null))
}

present if {
	some metric in lib.resources("google_logging_metric")
	audit_filter(lib.attr(metric, "filter", null))
	some a in lib.resources("google_monitoring_alert_policy")
	alerting(a)
	some c in lib.blocks(a, "conditions")
	some kind in ["condition_threshold", "condition_absent"]
	some t in lib.sub_blocks(c, kind)
	watches(object.get(t, "filter", null), metric, lib.module_of(a))
}
