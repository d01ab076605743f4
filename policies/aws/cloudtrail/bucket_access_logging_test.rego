package rungs.aws.cloudtrail.bucket_access_logging_test

import rego.v1

import data.rungs.aws.cloudtrail.bucket_access_logging as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

bucket(cfg) := res("aws_s3_bucket", "trail", object.union({"bucket": "acme-trail"}, cfg))

trail(b) := res("aws_cloudtrail", "org", {"name": "org", "s3_bucket_name": b})

logging := res("aws_s3_bucket_logging", "trail", {"bucket": "${aws_s3_bucket.trail.id}", "target_bucket": "acme-access-logs"})

test_trail_bucket_without_logging_denied if {
	d := doc([bucket({}), trail("${aws_s3_bucket.trail.id}")])
	addresses(policy.deny) == {"aws_cloudtrail.org"} with input as d
	count(policy.unknown) == 0 with input as d
	addresses(policy.deny) == {"aws_cloudtrail.org"} with input as doc([bucket({}), trail("acme-trail")])
}

test_logging_companion_or_block_passes if {
	d := doc([bucket({}), trail("${aws_s3_bucket.trail.id}"), logging])
	count(policy.deny) == 0 with input as d
	count(policy.unknown) == 0 with input as d
	d2 := doc([bucket({"logging": [{"target_bucket": "acme-access-logs"}]}), trail("acme-trail")])
	count(policy.deny) == 0 with input as d2
}

test_other_buckets_are_not_asked if {
	other := res("aws_s3_bucket", "data", {"bucket": "acme-data"})
	d := doc([bucket({}), other, trail("${aws_s3_bucket.trail.id}"), logging])
	count(policy.deny) == 0 with input as d
}

test_bucket_outside_the_scan_or_unknown_logging_not_judged if {
	d := doc([trail("central-log-archive")])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"aws_cloudtrail.org"} with input as d
	d2 := doc([bucket({"logging": "${var.logging}"}), trail("acme-trail")])
	count(policy.deny) == 0 with input as d2
	addresses(policy.unknown) == {"aws_cloudtrail.org"} with input as d2
}
