# METADATA
# title: CloudFormation S3 buckets block public access
# description: >-
#   Every AWS::S3::Bucket of a CloudFormation template sets all four settings
#   of PublicAccessBlockConfiguration to true, so neither ACLs nor bucket
#   policies can make its objects public.
# custom:
#   id: RUNGS-CFN-S3-002
#   severity: high
#   kind: resource
#   resource_types: ["AWS::S3::Bucket"]
#   controls: [DAT-1.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["2.1.4"]
#     csa-ccm-v4: ["DSP-17"]
#   remediation: |
#     Block every kind of public access on the bucket:
#       Properties:
#         PublicAccessBlockConfiguration:
#           BlockPublicAcls: true
#           BlockPublicPolicy: true
#           IgnorePublicAcls: true
#           RestrictPublicBuckets: true
package rungs.aws.cloudformation.s3_public_access_block

import rego.v1

import data.rungs.lib

settings := ["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"]

raw(b) := lib.attr(b, "PublicAccessBlockConfiguration", {})

block(b) := raw(b) if is_object(raw(b))

block(b) := {} if {
	not is_object(raw(b))
	not lib.is_unknown(raw(b))
}

# Settings known to be off or missing.
off(b) := [s |
	some s in settings
	v := object.get(block(b), s, false)
	not lib.truthy(v)
	not lib.is_unknown(v)
]

deny contains finding if {
	some b in lib.resources("AWS::S3::Bucket")
	not lib.is_unknown(raw(b))
	count(off(b)) > 0
	finding := lib.finding(b, sprintf("S3 bucket does not block public access: %s not true", [concat(", ", off(b))]))
}

# Two rules rather than one with a helper that may be undefined: regorus' VM passed an
# all-unknown bucket through the earlier form (off(b) of an undefined block).
unknown contains finding if {
	some b in lib.resources("AWS::S3::Bucket")
	lib.is_unknown(raw(b))
	finding := lib.finding(b, "PublicAccessBlockConfiguration is unknown at scan time")
}

unknown contains finding if {
	some b in lib.resources("AWS::S3::Bucket")
	not lib.is_unknown(raw(b))
	count(off(b)) == 0
	some s in settings
	lib.is_unknown(object.get(block(b), s, false))
	finding := lib.finding(b, "PublicAccessBlockConfiguration is unknown at scan time")
}
