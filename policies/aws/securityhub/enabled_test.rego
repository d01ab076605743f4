package rungs.aws.securityhub.enabled_test

import rego.v1

import data.rungs.aws.securityhub.enabled as policy

# @helpers

test_account_present if {
	policy.present with input as doc([res("aws_securityhub_account", "this", {})])
}

test_absent_not_present if {
	not policy.present with input as doc([res("aws_s3_bucket", "b", {})])
}

test_unknown_arguments_still_present if {
	policy.present with input as doc([res("aws_securityhub_account", "this", {"enable_default_standards": "${var.defaults}"})])
}
