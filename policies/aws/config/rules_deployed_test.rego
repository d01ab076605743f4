package rungs.aws.config.rules_deployed_test

import rego.v1

import data.rungs.aws.config.rules_deployed as policy

# @helpers

test_rule_present if {
	policy.present with input as doc([res("aws_config_config_rule", "s3", {"name": "s3-public", "source": [{"owner": "AWS", "source_identifier": "S3_BUCKET_PUBLIC_READ_PROHIBITED"}]})])
}

test_org_pack_present if {
	policy.present with input as doc([res("aws_config_organization_conformance_pack", "cis", {"name": "cis"})])
}

test_absent_not_present if {
	not policy.present with input as doc([res("aws_config_configuration_recorder", "this", {})])
}

test_unknown_arguments_still_present if {
	policy.present with input as doc([res("aws_config_conformance_pack", "x", {"name": "${var.name}", "template_body": "${file(var.path)}"})])
}
