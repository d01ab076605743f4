package rungs.aws.s3.bucket_versioning_test

import rego.v1

import data.rungs.aws.s3.bucket_versioning as policy

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

ver(b, status) := res("aws_s3_bucket_versioning", "data", {"bucket": b, "versioning_configuration": [{"status": status}]})

test_no_versioning_denied if {
	findings := policy.deny with input as doc([bucket])
	addresses(findings) == {"aws_s3_bucket.data"}
}

test_enabled_passes if {
	findings := policy.deny with input as doc([bucket, ver("${aws_s3_bucket.data.id}", "Enabled")])
	count(findings) == 0
}

test_suspended_denied if {
	findings := policy.deny with input as doc([bucket, ver("${aws_s3_bucket.data.id}", "Suspended")])
	addresses(findings) == {"aws_s3_bucket.data"}
}

test_unknown_status_is_not_judged if {
	d := doc([bucket, ver("${aws_s3_bucket.data.id}", "${var.versioning_status}")])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"aws_s3_bucket.data"} with input as d
}

test_unknown_companion_is_not_judged if {
	d := doc([bucket, ver("${var.bucket}", "Enabled")])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"aws_s3_bucket.data"} with input as d
}

test_a_known_enabled_companion_passes_despite_an_ambiguous_one if {
	d := doc([bucket, ver("${aws_s3_bucket.data.id}", "Enabled"), ver("${var.bucket}", "Suspended")])
	count(policy.deny) == 0 with input as d
	count(policy.unknown) == 0 with input as d
}

test_legacy_inline_enabled_passes if {
	legacy := res("aws_s3_bucket", "data", {"bucket": "acme-data", "versioning": [{"enabled": true}]})
	findings := policy.deny with input as doc([legacy])
	count(findings) == 0
}

test_legacy_inline_disabled_denied if {
	legacy := res("aws_s3_bucket", "data", {"bucket": "acme-data", "versioning": [{"enabled": false}]})
	findings := policy.deny with input as doc([legacy])
	count(findings) == 1
}

test_object_lock_implies_versioning if {
	locked := res("aws_s3_bucket", "data", {"bucket": "acme-data", "object_lock_enabled": true})
	count(policy.deny) == 0 with input as doc([locked])
	count(policy.unknown) == 0 with input as doc([locked])
	legacy := res("aws_s3_bucket", "data", {"bucket": "acme-data", "object_lock_configuration": [{"object_lock_enabled": "Enabled"}]})
	count(policy.deny) == 0 with input as doc([legacy])
	maybe := res("aws_s3_bucket", "data", {"bucket": "acme-data", "object_lock_enabled": "${var.lock}"})
	count(policy.deny) == 0 with input as doc([maybe])
	addresses(policy.unknown) == {"aws_s3_bucket.data"} with input as doc([maybe])
}
