package rungs.aws.config.recorder_enabled_test

import rego.v1

import data.rungs.aws.config.recorder_enabled as policy

# @helpers

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
