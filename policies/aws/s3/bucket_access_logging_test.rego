package rungs.aws.s3.bucket_access_logging_test

import rego.v1

import data.rungs.aws.s3.bucket_access_logging as policy

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

bucket := res("aws_s3_bucket", "data", {"bucket": "acme-data"})

logs := res("aws_s3_bucket", "logs", {"bucket": "acme-logs"})

logging(b, target) := res("aws_s3_bucket_logging", "data", {"bucket": b, "target_bucket": target, "target_prefix": "data/"})

test_bucket_without_logging_denied if {
	findings := policy.deny with input as doc([bucket])
	addresses(findings) == {"aws_s3_bucket.data"}
}

test_logged_bucket_passes_and_target_is_exempt if {
	findings := policy.deny with input as doc([bucket, logs, logging("${aws_s3_bucket.data.id}", "${aws_s3_bucket.logs.id}")])
	count(findings) == 0
}

test_literal_target_is_exempt if {
	findings := policy.deny with input as doc([bucket, logs, logging("acme-data", "acme-logs")])
	count(findings) == 0
}

test_other_bucket_still_denied if {
	other := res("aws_s3_bucket", "other", {"bucket": "acme-other"})
	findings := policy.deny with input as doc([bucket, logs, other, logging("${aws_s3_bucket.data.id}", "${aws_s3_bucket.logs.id}")])
	addresses(findings) == {"aws_s3_bucket.other"}
}

test_legacy_inline_logging_passes if {
	legacy := res("aws_s3_bucket", "data", {"bucket": "acme-data", "logging": [{"target_bucket": "acme-logs"}]})
	findings := policy.deny with input as doc([legacy])
	count(findings) == 0
}

test_unknown_companion_bucket_no_finding if {
	findings := policy.deny with input as doc([bucket, logging("${var.bucket_id}", "${var.log_bucket}")])
	count(findings) == 0
}

test_log_delivery_acl_exempt if {
	target := res("aws_s3_bucket", "logs", {"bucket": "acme-logs", "acl": "log-delivery-write"})
	findings := policy.deny with input as doc([target])
	count(findings) == 0
}

test_target_passed_into_module_is_exempt if {
	# A module call `log_bucket = aws_s3_bucket.logs.id` puts the caller's reference text in the module.
	inner := {"address": "module.m.aws_s3_bucket.this", "ref": "aws_s3_bucket.this", "type": "aws_s3_bucket", "mode": "managed", "module": "module.m", "config": {"bucket": "acme-m"}}
	l := {"address": "module.m.aws_s3_bucket_logging.this", "ref": "aws_s3_bucket_logging.this", "type": "aws_s3_bucket_logging", "mode": "managed", "module": "module.m", "config": {"bucket": "${aws_s3_bucket.this.id}", "target_bucket": "${aws_s3_bucket.logs.id}"}}
	findings := policy.deny with input as doc([logs, inner, l])
	count(findings) == 0
}
