# METADATA
# title: CloudFormation S3 buckets refuse requests without TLS
# description: >-
#   Every AWS::S3::Bucket has an AWS::S3::BucketPolicy (its Bucket refers to the
#   bucket, or names it) with a Deny statement on the condition
#   aws:SecureTransport false. A bucket policy whose Bucket or document cannot be
#   read leaves the buckets it may concern not judged.
# custom:
#   id: RUNGS-CFN-S3-005
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::S3::Bucket"]
#   controls: [DAT-2.3]
#   frameworks:
#     cis-aws-foundations-5.0: ["2.1.1"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Deny plaintext requests in the bucket policy:
#       DataPolicy:
#         Type: AWS::S3::BucketPolicy
#         Properties:
#           Bucket: !Ref Data
#           PolicyDocument:
#             Statement:
#               - Effect: Deny
#                 Principal: "*"
#                 Action: "s3:*"
#                 Resource: [!GetAtt Data.Arn, !Sub "${Data.Arn}/*"]
#                 Condition:
#                   Bool:
#                     aws:SecureTransport: "false"
package rungs.aws.cloudformation.s3_tls_only

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::S3::Bucket"]

# [key, verdict] for each bucket policy, computed once: the key is the logical id its
# Bucket refers to, or the bucket name it gives. A bucket then looks its keys up
# (membership tests, no loop over the bucket policies per bucket).
verdicts := {[k, policy_state(p)] |
	some p in lib.resources("AWS::S3::BucketPolicy")
	some k in keys(p)
}

keys(p) := {k | k := cfn.ref_id(lib.attr(p, "Bucket", null))} | {k |
	k := lib.attr(p, "Bucket", null)
	lib.is_nonempty_string(k)
	not lib.is_unknown(k)
}

loose if cfn.loosely_referenced("AWS::S3::BucketPolicy", "Bucket")

bucket_keys(b) := {b.address, lib.attr(b, "BucketName", "")}

policy_states(b) := [s |
	some s in ["pass", "unknown", "fail"]
	some k in bucket_keys(b)
	[k, s] in verdicts
]

denies_plaintext(st) if {
	is_object(st)
	object.get(st, "Effect", "") == "Deny"
	cond := object.get(st, "Condition", {})
	is_object(cond)
	some op, kv in cond
	lower(op) in {"bool", "boolifexists"}
	is_object(kv)
	some key, val in kv
	lower(key) == "aws:securetransport"
	some x in lib.as_array(val)
	lib.falsy(x)
}

undecided_statement(st) if lib.is_unknown(st)

undecided_statement(st) if {
	is_object(st)
	some k in ["Effect", "Condition"]
	lib.unknown_value(object.get(st, k, null))
}

document(p) := lib.attr(p, "PolicyDocument", {})

policy_state(p) := "pass" if enforced(p)

policy_state(p) := "unknown" if {
	not enforced(p)
	undecided(p)
}

policy_state(p) := "fail" if {
	is_object(document(p))
	not enforced(p)
	not undecided(p)
}

enforced(p) if {
	some st in cfn.statements(document(p))
	denies_plaintext(st)
}

undecided(p) if lib.is_unknown(document(p))

undecided(p) if {
	is_object(document(p))
	lib.is_unknown(object.get(document(p), "Statement", null))
}

undecided(p) if {
	some st in cfn.statements(document(p))
	undecided_statement(st)
}

loose_states := ["unknown"] if loose

loose_states := [] if not loose

state(r) := lib.any_of(array.concat(policy_states(r), loose_states))

deny contains lib.finding(r, "S3 bucket policy does not deny requests without TLS (aws:SecureTransport)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "a bucket policy that may concern this bucket is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
