package rungs.aws.guardduty.organization_auto_enable_test

import rego.v1

import data.rungs.aws.guardduty.organization_auto_enable as policy

# @helpers

cfg(c) := res("aws_guardduty_organization_configuration", "this", object.union({"detector_id": "${aws_guardduty_detector.this.id}"}, c))

test_all_members_present if {
	policy.present with input as doc([cfg({"auto_enable_organization_members": "ALL"})])
}

test_deprecated_auto_enable_present if {
	policy.present with input as doc([cfg({"auto_enable": true})])
}

test_none_not_present if {
	not policy.present with input as doc([cfg({"auto_enable_organization_members": "NONE"})])
}

test_absent_not_present if {
	not policy.present with input as doc([res("aws_guardduty_detector", "this", {})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([cfg({"auto_enable_organization_members": "${var.auto_enable}"})])
}
