package rungs.aws.s3.bucket_tls_only_test

import rego.v1

import data.rungs.aws.s3.bucket_tls_only as policy

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

tls_json := `{"Version":"2012-10-17","Statement":[{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["${aws_s3_bucket.data.arn}","${aws_s3_bucket.data.arn}/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`

read_json := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"${aws_s3_bucket.data.arn}/*"}]}`

bucket_policy(b, p) := res("aws_s3_bucket_policy", "data", {"bucket": b, "policy": p})

test_bucket_without_policy_denied if {
	addresses(policy.deny) == {"aws_s3_bucket.data"} with input as doc([bucket])
}

test_policy_without_tls_deny_denied if {
	addresses(policy.deny) == {"aws_s3_bucket.data"} with input as doc([bucket, bucket_policy("${aws_s3_bucket.data.id}", read_json)])
}

test_companion_policy_with_tls_deny_passes if {
	count(policy.deny) == 0 with input as doc([bucket, bucket_policy("${aws_s3_bucket.data.id}", tls_json)])
}

test_bool_as_boolean_and_list_passes if {
	p := `{"Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:*","Condition":{"Bool":{"aws:SecureTransport":[false]}}}]}`
	count(policy.deny) == 0 with input as doc([bucket, bucket_policy("acme-data", p)])
}

test_policy_document_data_source_passes if {
	d := data_res("aws_iam_policy_document", "tls", {"statement": [{"effect": "Deny", "actions": ["s3:*"], "principals": [{"type": "*", "identifiers": ["*"]}], "condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}]}]})
	count(policy.deny) == 0 with input as doc([bucket, d, bucket_policy("${aws_s3_bucket.data.id}", "${data.aws_iam_policy_document.tls.json}")])
}

test_policy_document_without_deny_denied if {
	d := data_res("aws_iam_policy_document", "read", {"statement": [{"actions": ["s3:GetObject"], "principals": [{"type": "AWS", "identifiers": ["arn:aws:iam::111122223333:root"]}]}]})
	addresses(policy.deny) == {"aws_s3_bucket.data"} with input as doc([bucket, d, bucket_policy("${aws_s3_bucket.data.id}", "${data.aws_iam_policy_document.read.json}")])
}

test_legacy_inline_policy_passes if {
	legacy := res("aws_s3_bucket", "data", {"bucket": "acme-data", "policy": tls_json})
	count(policy.deny) == 0 with input as doc([legacy])
}

test_policy_of_other_bucket_does_not_count if {
	other := res("aws_s3_bucket", "other", {"bucket": "acme-other"})
	addresses(policy.deny) == {"aws_s3_bucket.data"} with input as doc([bucket, other, bucket_policy("${aws_s3_bucket.other.id}", tls_json)])
}

test_unknown_policy_text_no_finding if {
	count(policy.deny) == 0 with input as doc([bucket, bucket_policy("${aws_s3_bucket.data.id}", "${var.bucket_policy}")])
}

test_unknown_companion_bucket_no_finding if {
	count(policy.deny) == 0 with input as doc([bucket, bucket_policy("${var.bucket_id}", read_json)])
}
