package rungs.aws.cloudtrail.bucket_object_lock_test

import rego.v1

import data.rungs.aws.cloudtrail.bucket_object_lock as policy

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

bucket(cfg) := res("aws_s3_bucket", "trail", object.union({"bucket": "acme-trail"}, cfg))

trail(b) := res("aws_cloudtrail", "org", {"name": "org", "s3_bucket_name": b})

test_bucket_without_object_lock_denied if {
	addresses(policy.deny) == {"aws_cloudtrail.org"} with input as doc([bucket({}), trail("${aws_s3_bucket.trail.id}")])
}

test_literal_bucket_name_joined if {
	addresses(policy.deny) == {"aws_cloudtrail.org"} with input as doc([bucket({"object_lock_enabled": false}), trail("acme-trail")])
}

test_bucket_with_object_lock_passes if {
	count(policy.deny) == 0 with input as doc([bucket({"object_lock_enabled": true}), trail("${aws_s3_bucket.trail.id}")])
}

test_companion_configuration_passes if {
	lock := res("aws_s3_bucket_object_lock_configuration", "trail", {"bucket": "${aws_s3_bucket.trail.id}", "rule": [{"default_retention": [{"mode": "GOVERNANCE", "days": 365}]}]})
	count(policy.deny) == 0 with input as doc([bucket({}), lock, trail("${aws_s3_bucket.trail.id}")])
}

test_disabled_companion_denied if {
	lock := res("aws_s3_bucket_object_lock_configuration", "trail", {"bucket": "${aws_s3_bucket.trail.id}", "object_lock_enabled": "Disabled"})
	addresses(policy.deny) == {"aws_cloudtrail.org"} with input as doc([bucket({}), lock, trail("${aws_s3_bucket.trail.id}")])
}

test_legacy_inline_block_passes if {
	count(policy.deny) == 0 with input as doc([bucket({"object_lock_configuration": [{"object_lock_enabled": "Enabled"}]}), trail("${aws_s3_bucket.trail.id}")])
}

test_bucket_outside_scan_not_judged if {
	count(policy.deny) == 0 with input as doc([bucket({}), trail("acme-central-log-archive")])
	count(policy.deny) == 0 with input as doc([bucket({}), trail("${var.trail_bucket}")])
}

test_unknown_object_lock_no_finding if {
	count(policy.deny) == 0 with input as doc([bucket({"object_lock_enabled": "${var.object_lock}"}), trail("${aws_s3_bucket.trail.id}")])
}
