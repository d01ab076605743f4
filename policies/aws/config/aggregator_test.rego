package rungs.aws.config.aggregator_test

import rego.v1

import data.rungs.aws.config.aggregator as policy

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
