package rungs.aws.s3.bucket_public_access_block_test

import rego.v1

import data.rungs.aws.s3.bucket_public_access_block as policy

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

all_on := {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}

pab(cfg) := res("aws_s3_bucket_public_access_block", "data", cfg)

test_bucket_without_block_denied if {
	findings := policy.deny with input as doc([bucket])
	addresses(findings) == {"aws_s3_bucket.data"}
}

test_complete_block_passes if {
	findings := policy.deny with input as doc([bucket, pab(object.union(all_on, {"bucket": "${aws_s3_bucket.data.id}"}))])
	count(findings) == 0
}

test_partial_block_denied if {
	cfg := {"bucket": "${aws_s3_bucket.data.id}", "block_public_acls": true, "block_public_policy": false}
	findings := policy.deny with input as doc([bucket, pab(cfg)])
	addresses(findings) == {"aws_s3_bucket.data"}
	some f in findings
	contains(f.message, "block_public_policy")
	contains(f.message, "restrict_public_buckets")
}

test_unknown_flags_no_finding if {
	cfg := {"bucket": "${aws_s3_bucket.data.id}", "block_public_acls": "${var.block}", "block_public_policy": "${var.block}", "ignore_public_acls": "${var.block}", "restrict_public_buckets": "${var.block}"}
	findings := policy.deny with input as doc([bucket, pab(cfg)])
	count(findings) == 0
}

test_unknown_companion_bucket_no_finding if {
	findings := policy.deny with input as doc([bucket, pab(object.union(all_on, {"bucket": "${var.bucket}"}))])
	count(findings) == 0
}

test_account_level_block_covers_buckets if {
	acct := res("aws_s3_account_public_access_block", "this", all_on)
	findings := policy.deny with input as doc([bucket, acct])
	count(findings) == 0
}

test_incomplete_account_block_does_not_cover if {
	acct := res("aws_s3_account_public_access_block", "this", {"block_public_acls": true})
	findings := policy.deny with input as doc([bucket, acct])
	addresses(findings) == {"aws_s3_bucket.data"}
}

test_unknown_flags_and_companions_are_not_judged if {
	cfg := {"bucket": "${aws_s3_bucket.data.id}", "block_public_acls": "${var.block}", "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}
	addresses(policy.unknown) == {"aws_s3_bucket.data"} with input as doc([bucket, pab(cfg)])
	addresses(policy.unknown) == {"aws_s3_bucket.data"} with input as doc([bucket, pab(object.union(all_on, {"bucket": "${var.bucket}"}))])
}

test_account_level_block_covers_only_its_provider_configuration if {
	acct := res("aws_s3_account_public_access_block", "this", object.union(all_on, {"provider": "${aws.other}"}))
	addresses(policy.deny) == {"aws_s3_bucket.data"} with input as doc([bucket, acct])
	elsewhere := object.union(res("aws_s3_account_public_access_block", "this", all_on), {"module": "module.account"})
	count(policy.deny) == 0 with input as doc([bucket, elsewhere])
	addresses(policy.unknown) == {"aws_s3_bucket.data"} with input as doc([bucket, elsewhere])
}
