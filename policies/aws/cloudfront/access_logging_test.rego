package rungs.aws.cloudfront.access_logging_test

import rego.v1

import data.rungs.aws.cloudfront.access_logging as policy

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

dist(cfg) := res("aws_cloudfront_distribution", "site", object.union({"enabled": true}, cfg))

source(arn) := res("aws_cloudwatch_log_delivery_source", "site", {"name": "site", "log_type": "ACCESS_LOGS", "resource_arn": arn})

test_no_logging_denied if {
	addresses(policy.deny) == {"aws_cloudfront_distribution.site"} with input as doc([dist({})])
}

test_source_of_other_distribution_does_not_count if {
	other := res("aws_cloudfront_distribution", "other", {"enabled": true})
	addresses(policy.deny) == {"aws_cloudfront_distribution.site"} with input as doc([dist({}), other, source("${aws_cloudfront_distribution.other.arn}")])
}

test_logging_config_passes if {
	count(policy.deny) == 0 with input as doc([dist({"logging_config": [{"bucket": "${aws_s3_bucket.logs.bucket_domain_name}", "prefix": "cf/"}]})])
}

test_delivery_source_passes if {
	count(policy.deny) == 0 with input as doc([dist({}), source("${aws_cloudfront_distribution.site.arn}")])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([dist({}), source("${var.distribution_arn}")])
}
