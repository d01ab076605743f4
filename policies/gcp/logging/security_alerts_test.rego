package rungs.gcp.logging.security_alerts_test

import rego.v1

import data.rungs.gcp.logging.security_alerts as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "google", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "google", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

type_key(x) := concat(".", ["data", x.type]) if x.mode == "data"

type_key(x) := x.type if x.mode != "data"

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; type_key(x) == k] | some y in rs; k := type_key(y)},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

metric(filter) := res("google_logging_metric", "iam", {"name": "iam-changes", "filter": filter})

alert(cond) := res("google_monitoring_alert_policy", "iam", {"display_name": "IAM changed", "combiner": "OR", "conditions": [object.union({"display_name": "c"}, cond)]})

threshold(filter) := {"condition_threshold": [{"filter": filter, "comparison": "COMPARISON_GT", "threshold_value": 0, "duration": "0s"}]}

test_metric_and_alert_by_reference_present if {
	policy.present with input as doc([
		metric("protoPayload.methodName=\"SetIamPolicy\""),
		alert(threshold("metric.type=\"logging.googleapis.com/user/${google_logging_metric.iam.name}\"")),
	])
}

test_metric_and_alert_by_name_present if {
	policy.present with input as doc([
		metric("protoPayload.serviceName=\"cloudresourcemanager.googleapis.com\""),
		alert(threshold("metric.type=\"logging.googleapis.com/user/iam-changes\" AND resource.type=\"global\"")),
	])
}

test_log_match_alert_present if {
	policy.present with input as doc([alert({"condition_matched_log": [{"filter": "logName:\"cloudaudit.googleapis.com%2Factivity\" AND protoPayload.methodName=\"SetIamPolicy\""}]})])
}

test_metric_without_alert_not_present if {
	not policy.present with input as doc([metric("protoPayload.methodName=\"SetIamPolicy\"")])
}

test_alert_on_other_metric_not_present if {
	not policy.present with input as doc([
		metric("protoPayload.methodName=\"SetIamPolicy\""),
		alert(threshold("metric.type=\"compute.googleapis.com/instance/cpu/utilization\"")),
	])
}

test_non_audit_metric_not_present if {
	not policy.present with input as doc([
		metric("resource.type=\"k8s_container\" severity>=ERROR"),
		alert(threshold("metric.type=\"logging.googleapis.com/user/iam-changes\"")),
	])
}

test_disabled_alert_not_present if {
	a := object.union(alert({"condition_matched_log": [{"filter": "protoPayload.methodName=\"SetIamPolicy\""}]}), {"config": {"enabled": false, "conditions": [{"condition_matched_log": [{"filter": "protoPayload.methodName=\"SetIamPolicy\""}]}]}})
	not policy.present with input as doc([a])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([metric("${var.filter}"), alert(threshold("${var.alert_filter}"))])
}
