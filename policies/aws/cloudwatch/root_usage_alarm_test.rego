package rungs.aws.cloudwatch.root_usage_alarm_test

import rego.v1

import data.rungs.aws.cloudwatch.root_usage_alarm as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "aws", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

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

good_pattern := `{ $.userIdentity.type = "Root" && $.userIdentity.invokedBy NOT EXISTS && $.eventType != "AwsServiceEvent" }`

bad_pattern := `{ ($.eventName = "ConsoleLogin") && ($.additionalEventData.MFAUsed != "Yes") }`

filter(p) := res("aws_cloudwatch_log_metric_filter", "f", {"name": "f", "log_group_name": "${aws_cloudwatch_log_group.trail.name}", "pattern": p, "metric_transformation": [{"name": "RootAccountUsage", "namespace": "CISBenchmark", "value": "1"}]})

alarm(m, actions) := res("aws_cloudwatch_metric_alarm", "a", {"alarm_name": "a", "metric_name": m, "namespace": "CISBenchmark", "alarm_actions": actions})

notify := ["${aws_sns_topic.alerts.arn}"]

test_filter_with_alarm_present if {
	policy.present with input as doc([filter(good_pattern), alarm("${aws_cloudwatch_log_metric_filter.f.metric_transformation[0].name}", notify)])
	policy.present with input as doc([filter(good_pattern), alarm("RootAccountUsage", notify)])
}

test_for_each_filters_present if {
	f := object.union(filter("${each.value}"), {"for_each": {"Other": bad_pattern, "RootAccountUsage": good_pattern}})
	policy.present with input as doc([f, alarm("${aws_cloudwatch_log_metric_filter.f[each.key].metric_transformation[0].name}", notify)])
}

test_other_pattern_not_present if {
	not policy.present with input as doc([filter(bad_pattern), alarm("RootAccountUsage", notify)])
}

test_filter_without_alarm_not_present if {
	not policy.present with input as doc([filter(good_pattern)])
	not policy.present with input as doc([filter(good_pattern), alarm("RootAccountUsage", [])])
	not policy.present with input as doc([filter(good_pattern), alarm("SomethingElse", notify)])
}

test_nothing_not_present if {
	not policy.present with input as doc([res("aws_s3_bucket", "b", {})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([filter("${var.pattern}"), alarm("RootAccountUsage", "${var.alarm_actions}")])
}
