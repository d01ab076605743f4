package rungs.aws.config.recorder_enabled_test

import rego.v1

import data.rungs.aws.config.recorder_enabled as policy

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

rec(cfg) := res("aws_config_configuration_recorder", "this", object.union({"name": "default", "role_arn": "${aws_iam_role.config.arn}"}, cfg))

test_default_recorder_present if {
	policy.present with input as doc([rec({})])
}

test_all_supported_present if {
	policy.present with input as doc([rec({"recording_group": [{"all_supported": true}]}), res("aws_config_configuration_recorder_status", "this", {"is_enabled": true})])
}

test_partial_recording_not_present if {
	not policy.present with input as doc([rec({"recording_group": [{"all_supported": false, "resource_types": ["AWS::S3::Bucket"]}]})])
}

test_stopped_recorder_not_present if {
	not policy.present with input as doc([rec({}), res("aws_config_configuration_recorder_status", "this", {"is_enabled": false})])
}

test_absent_not_present if {
	not policy.present with input as doc([res("aws_s3_bucket", "b", {})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([rec({"recording_group": [{"all_supported": "${var.all}"}]}), res("aws_config_configuration_recorder_status", "this", {"is_enabled": "${var.on}"})])
}
