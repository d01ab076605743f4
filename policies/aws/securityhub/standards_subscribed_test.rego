package rungs.aws.securityhub.standards_subscribed_test

import rego.v1

import data.rungs.aws.securityhub.standards_subscribed as policy

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

hub(cfg) := res("aws_securityhub_account", "this", cfg)

sub(arn) := res("aws_securityhub_standards_subscription", "cis", {"standards_arn": arn})

test_subscription_present if {
	policy.present with input as doc([hub({"enable_default_standards": false}), sub("arn:aws:securityhub:eu-west-1::standards/cis-aws-foundations-benchmark/v/3.0.0")])
}

test_default_standards_present if {
	policy.present with input as doc([hub({})])
	policy.present with input as doc([hub({"enable_default_standards": true})])
}

test_configuration_policy_present if {
	cp := res("aws_securityhub_configuration_policy", "central", {"name": "central", "configuration_policy": [{"service_enabled": true, "enabled_standard_arns": ["arn:aws:securityhub:eu-west-1::standards/aws-foundational-security-best-practices/v/1.0.0"]}]})
	policy.present with input as doc([cp])
}

test_hub_without_standards_not_present if {
	not policy.present with input as doc([hub({"enable_default_standards": false})])
}

test_nothing_not_present if {
	not policy.present with input as doc([res("aws_s3_bucket", "b", {})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([hub({"enable_default_standards": false}), sub("${var.standard_arn}")])
	policy.present with input as doc([hub({"enable_default_standards": "${var.default_standards}"})])
}
