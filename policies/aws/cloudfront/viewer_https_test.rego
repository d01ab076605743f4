package rungs.aws.cloudfront.viewer_https_test

import rego.v1

import data.rungs.aws.cloudfront.viewer_https as policy

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

dist(default_policy, ordered) := res("aws_cloudfront_distribution", "site", {"enabled": true, "default_cache_behavior": [{"target_origin_id": "s3", "viewer_protocol_policy": default_policy}], "ordered_cache_behavior": ordered})

test_allow_all_denied if {
	addresses(policy.deny) == {"aws_cloudfront_distribution.site"} with input as doc([dist("allow-all", [])])
	addresses(policy.deny) == {"aws_cloudfront_distribution.site"} with input as doc([dist("redirect-to-https", [{"path_pattern": "/legacy/*", "viewer_protocol_policy": "allow-all"}])])
}

test_https_passes if {
	count(policy.deny) == 0 with input as doc([dist("redirect-to-https", [{"path_pattern": "/api/*", "viewer_protocol_policy": "https-only"}])])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([dist("${var.viewer_protocol_policy}", [])])
}
