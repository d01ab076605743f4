package rungs.aws.config.aggregator_test

import rego.v1

import data.rungs.aws.config.aggregator as policy

# @helpers

test_org_aggregator_present if {
	policy.present with input as doc([res("aws_config_configuration_aggregator", "org", {"name": "org", "organization_aggregation_source": [{"all_regions": true, "role_arn": "${aws_iam_role.agg.arn}"}]})])
}

test_account_aggregator_present if {
	policy.present with input as doc([res("aws_config_configuration_aggregator", "acc", {"name": "acc", "account_aggregation_source": [{"account_ids": ["111122223333"], "all_regions": true}]})])
}

test_absent_not_present if {
	not policy.present with input as doc([res("aws_config_configuration_recorder", "this", {})])
}

test_unknown_source_values_still_present if {
	policy.present with input as doc([res("aws_config_configuration_aggregator", "org", {"name": "org", "organization_aggregation_source": [{"all_regions": "${var.all}", "role_arn": "${var.role}"}]})])
}
