package rungs.aws.cloudtrail.s3_data_events_test

import rego.v1

import data.rungs.aws.cloudtrail.s3_data_events as policy

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

trail(cfg) := res("aws_cloudtrail", "org", object.union({"name": "org", "s3_bucket_name": "acme-trail"}, cfg))

test_classic_data_resource_present if {
	policy.present with input as doc([trail({"event_selector": [{"read_write_type": "All", "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]})])
}

test_advanced_selector_present if {
	sel := {"name": "s3", "field_selector": [{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}]}
	policy.present with input as doc([trail({"advanced_event_selector": [sel]})])
}

test_management_events_only_not_present if {
	not policy.present with input as doc([trail({"event_selector": [{"read_write_type": "All", "include_management_events": true}]})])
	not policy.present with input as doc([trail({})])
}

test_other_data_resource_not_present if {
	not policy.present with input as doc([trail({"event_selector": [{"data_resource": [{"type": "AWS::Lambda::Function", "values": ["arn:aws:lambda"]}]}]})])
}

test_disabled_trail_not_present if {
	not policy.present with input as doc([trail({"enable_logging": false, "event_selector": [{"data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]})])
}

test_no_trail_not_present if {
	not policy.present with input as doc([res("aws_s3_bucket", "b", {})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([trail({"event_selector": [{"data_resource": [{"type": "${var.data_type}", "values": ["arn:aws:s3"]}]}]})])
	policy.present with input as doc([trail({"advanced_event_selector": "${var.selectors}"})])
}

s3_sel(rwt) := {"read_write_type": rwt, "data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}

test_classic_selector_must_record_writes if {
	policy.present with input as doc([trail({"event_selector": [s3_sel("WriteOnly")]})])
	policy.present with input as doc([trail({"event_selector": [{"data_resource": [{"type": "AWS::S3::Object", "values": ["arn:aws:s3"]}]}]})])
	not policy.present with input as doc([trail({"event_selector": [s3_sel("ReadOnly")]})])
	policy.present with input as doc([trail({"event_selector": [s3_sel("ReadOnly"), s3_sel("WriteOnly")]})])
	policy.present with input as doc([trail({"event_selector": [s3_sel("${var.rwt}")]})])
}

adv(extra) := {"name": "s3", "field_selector": array.concat([{"field": "eventCategory", "equals": ["Data"]}, {"field": "resources.type", "equals": ["AWS::S3::Object"]}], extra)}

test_advanced_selector_must_record_writes if {
	not policy.present with input as doc([trail({"advanced_event_selector": [adv([{"field": "readOnly", "equals": ["true"]}])]})])
	not policy.present with input as doc([trail({"advanced_event_selector": [adv([{"field": "readOnly", "not_equals": ["false"]}])]})])
	policy.present with input as doc([trail({"advanced_event_selector": [adv([{"field": "readOnly", "equals": ["false"]}])]})])
	policy.present with input as doc([trail({"advanced_event_selector": [adv([{"field": "readOnly", "equals": ["${var.ro}"]}])]})])
}
