package rungs.aws.waf.web_acl_logging_test

import rego.v1

import data.rungs.aws.waf.web_acl_logging as policy

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

acl := res("aws_wafv2_web_acl", "app", {"name": "app", "scope": "REGIONAL"})

logging(arn) := res("aws_wafv2_web_acl_logging_configuration", "app", {"resource_arn": arn, "log_destination_configs": ["${aws_cloudwatch_log_group.waf.arn}"]})

test_no_logging_denied if {
	addresses(policy.deny) == {"aws_wafv2_web_acl.app"} with input as doc([acl])
}

test_logging_of_other_acl_does_not_count if {
	other := res("aws_wafv2_web_acl", "edge", {"name": "edge", "scope": "CLOUDFRONT"})
	addresses(policy.deny) == {"aws_wafv2_web_acl.app"} with input as doc([acl, other, logging("${aws_wafv2_web_acl.edge.arn}")])
}

test_logging_passes if {
	count(policy.deny) == 0 with input as doc([acl, logging("${aws_wafv2_web_acl.app.arn}")])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([acl, logging("${var.web_acl_arn}")])
}
