package rungs.aws.guardduty.detector_enabled_test

import rego.v1

import data.rungs.aws.guardduty.detector_enabled as policy

# @helpers

test_enabled_detector_present if {
	policy.present with input as doc([res("aws_guardduty_detector", "this", {"enable": true})])
	policy.present with input as doc([res("aws_guardduty_detector", "this", {})])
}

test_disabled_detector_not_present if {
	not policy.present with input as doc([res("aws_guardduty_detector", "this", {"enable": false})])
}

test_no_detector_not_present if {
	not policy.present with input as doc([res("aws_s3_bucket", "b", {})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([res("aws_guardduty_detector", "this", {"enable": "${var.enable_guardduty}"})])
}
