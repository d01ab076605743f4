package rungs.aws.cloudfront.minimum_tls_test

import rego.v1

import data.rungs.aws.cloudfront.minimum_tls as policy

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

dist(vc) := res("aws_cloudfront_distribution", "site", {"enabled": true, "viewer_certificate": [vc]})

acm := "${aws_acm_certificate.site.arn}"

test_default_and_old_versions_denied if {
	addresses(policy.deny) == {"aws_cloudfront_distribution.site"} with input as doc([dist({"acm_certificate_arn": acm, "ssl_support_method": "sni-only"})])
	addresses(policy.deny) == {"aws_cloudfront_distribution.site"} with input as doc([dist({"acm_certificate_arn": acm, "minimum_protocol_version": "TLSv1.2_2019"})])
	addresses(policy.deny) == {"aws_cloudfront_distribution.site"} with input as doc([dist({"iam_certificate_id": "ASCAEXAMPLE", "minimum_protocol_version": "TLSv1.1_2016"})])
}

test_modern_versions_pass if {
	count(policy.deny) == 0 with input as doc([dist({"acm_certificate_arn": acm, "minimum_protocol_version": "TLSv1.2_2021"})])
	count(policy.deny) == 0 with input as doc([dist({"acm_certificate_arn": acm, "minimum_protocol_version": "TLSv1.3_2025"})])
}

test_default_certificate_not_judged if {
	count(policy.deny) == 0 with input as doc([dist({"cloudfront_default_certificate": true})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([dist({"acm_certificate_arn": acm, "minimum_protocol_version": "${var.tls}"})])
}
