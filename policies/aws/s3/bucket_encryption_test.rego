package rungs.aws.s3.bucket_encryption_test

import rego.v1

import data.rungs.aws.s3.bucket_encryption

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

sse(b) := res("aws_s3_bucket_server_side_encryption_configuration", "data", {"bucket": b, "rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "aws:kms"}]}]})

test_bucket_without_encryption_denied if {
	findings := bucket_encryption.deny with input as doc([bucket])
	addresses(findings) == {"aws_s3_bucket.data"}
}

test_bucket_with_companion_by_reference_passes if {
	findings := bucket_encryption.deny with input as doc([bucket, sse("${aws_s3_bucket.data.id}")])
	count(findings) == 0
}

test_bucket_with_companion_by_literal_name_passes if {
	findings := bucket_encryption.deny with input as doc([bucket, sse("acme-data")])
	count(findings) == 0
}

test_companion_of_other_bucket_does_not_count if {
	other := res("aws_s3_bucket", "other", {"bucket": "acme-other"})
	findings := bucket_encryption.deny with input as doc([bucket, other, sse("${aws_s3_bucket.other.id}")])
	addresses(findings) == {"aws_s3_bucket.data"}
}

test_legacy_inline_block_passes if {
	legacy := res("aws_s3_bucket", "legacy", {"bucket": "acme-legacy", "server_side_encryption_configuration": [{"rule": [{"apply_server_side_encryption_by_default": [{"sse_algorithm": "AES256"}]}]}]})
	findings := bucket_encryption.deny with input as doc([legacy])
	count(findings) == 0
}

test_unknown_companion_bucket_no_finding if {
	findings := bucket_encryption.deny with input as doc([bucket, sse("${var.bucket_id}")])
	count(findings) == 0
}

test_unknown_bucket_name_with_literal_companion_no_finding if {
	unnamed := res("aws_s3_bucket", "data", {"bucket": "${var.name}"})
	findings := bucket_encryption.deny with input as doc([unnamed, sse("acme-somewhere")])
	count(findings) == 0
}
