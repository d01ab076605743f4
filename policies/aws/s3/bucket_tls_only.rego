# METADATA
# title: S3 buckets refuse requests without TLS
# description: >-
#   Every S3 bucket has a bucket policy with a Deny statement conditioned on
#   aws:SecureTransport = false, so that no client can read or write objects
#   over plain HTTP. The policy may sit on the bucket (provider < 4) or in a
#   separate aws_s3_bucket_policy that refers to it; a policy built with
#   data "aws_iam_policy_document" is read through its statements.
# custom:
#   id: RUNGS-AWS-S3-006
#   severity: medium
#   kind: resource
#   resource_types: [aws_s3_bucket]
#   controls: [DAT-2.3]
#   frameworks:
#     cis-aws-foundations-5.0: ["2.1.1"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Deny every request that does not use TLS in the bucket policy:
#       resource "aws_s3_bucket_policy" "data" {
#         bucket = aws_s3_bucket.data.id
#         policy = jsonencode({
#           Version = "2012-10-17"
#           Statement = [{
#             Sid       = "DenyInsecureTransport"
#             Effect    = "Deny"
#             Principal = "*"
#             Action    = "s3:*"
#             Resource  = [aws_s3_bucket.data.arn, "${aws_s3_bucket.data.arn}/*"]
#             Condition = { Bool = { "aws:SecureTransport" = "false" } }
#           }]
#         })
#       }
package rungs.aws.s3.bucket_tls_only

import rego.v1

import data.rungs.lib

# A JSON statement denying requests made without TLS.
denies_plaintext(st) if {
	object.get(st, "Effect", "") == "Deny"
	cond := st.Condition
	is_object(cond)
	some op, kv in cond
	is_string(op)
	lower(op) in {"bool", "boolifexists"}
	is_object(kv)
	some key, val in kv
	is_string(key)
	lower(key) == "aws:securetransport"
	some x in lib.as_array(val)
	lib.falsy(x)
}

# The same in a data "aws_iam_policy_document" statement block.
block_denies_plaintext(st) if {
	object.get(st, "effect", "Allow") == "Deny"
	some c in lib.sub_blocks(st, "condition")
	test := object.get(c, "test", "")
	is_string(test)
	lower(test) in {"bool", "boolifexists"}
	variable := object.get(c, "variable", "")
	is_string(variable)
	lower(variable) == "aws:securetransport"
	some x in lib.list_or_empty(object.get(c, "values", []))
	lib.falsy(x)
}

# The policy text v, found in module m, denies plaintext requests, or may do so
# (its content cannot be read at scan time).
enforces_tls(v, m) if {
	doc := lib.policy_doc(v)
	some st in lib.statements(doc)
	denies_plaintext(st)
}

enforces_tls(v, m) if {
	some d in lib.resources("data.aws_iam_policy_document")
	lib.designates(v, d, m)
	some st in lib.blocks(d, "statement")
	block_denies_plaintext(st)
}

# A document assembled from other documents: not judged.
enforces_tls(v, m) if {
	some d in lib.resources("data.aws_iam_policy_document")
	lib.designates(v, d, m)
	some key in ["source_policy_documents", "override_policy_documents", "source_json", "override_json"]
	lib.is_set(lib.attr(d, key, null))
}

# An unknown policy that is neither JSON nor a policy document of this scan
# ("${var.policy}", "${module.x.json}", "${file(...)}"): not judged.
enforces_tls(v, m) if {
	lib.is_unknown(v)
	not lib.policy_doc(v)
	not lib.refers_to_type(v, "data.aws_iam_policy_document", m)
}

# Legacy inline policy on the bucket itself (AWS provider < 4).
compliant(bucket) if enforces_tls(lib.attr(bucket, "policy", null), lib.module_of(bucket))

compliant(bucket) if {
	some p in lib.companions(bucket, "aws_s3_bucket_policy", "bucket")
	enforces_tls(lib.attr(p, "policy", null), lib.module_of(p))
}

compliant(bucket) if lib.ambiguous_companion(bucket, "aws_s3_bucket_policy", "bucket")

deny contains finding if {
	some bucket in lib.resources("aws_s3_bucket")
	not compliant(bucket)
	finding := lib.finding(bucket, "S3 bucket policy does not deny requests without TLS (Deny on aws:SecureTransport = false)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged_document(["aws_s3_bucket"], "policy")
}
