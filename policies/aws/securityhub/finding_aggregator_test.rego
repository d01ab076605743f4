package rungs.aws.securityhub.finding_aggregator_test

import rego.v1

import data.rungs.aws.securityhub.finding_aggregator as policy

# @helpers

test_aggregator_present if {
	policy.present with input as doc([res("aws_securityhub_finding_aggregator", "this", {"linking_mode": "ALL_REGIONS"})])
}

test_absent_not_present if {
	not policy.present with input as doc([res("aws_securityhub_account", "this", {})])
}

test_unknown_mode_still_present if {
	policy.present with input as doc([res("aws_securityhub_finding_aggregator", "this", {"linking_mode": "${var.mode}"})])
}
