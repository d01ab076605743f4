package rungs.aws.cloudfront.waf_test

import rego.v1

import data.rungs.aws.cloudfront.waf as policy

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

test_no_web_acl_denied if {
	addresses(policy.deny) == {"aws_cloudfront_distribution.site"} with input as doc([dist({})])
	addresses(policy.deny) == {"aws_cloudfront_distribution.site"} with input as doc([dist({"web_acl_id": ""})])
}

test_web_acl_passes if {
	count(policy.deny) == 0 with input as doc([dist({"web_acl_id": "${aws_wafv2_web_acl.edge.arn}"})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([dist({"web_acl_id": "${var.web_acl_arn}"})])
}
