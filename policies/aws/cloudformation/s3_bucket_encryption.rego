# METADATA
# title: CloudFormation S3 buckets declare default encryption
# description: >-
#   Every AWS::S3::Bucket of a CloudFormation template sets BucketEncryption
#   with at least one server-side encryption rule, so the encryption of its
#   objects is decided in code rather than left to account defaults.
# custom:
#   id: RUNGS-CFN-S3-001
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::S3::Bucket"]
#   controls: [DAT-2.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Declare the encryption on the bucket:
#       Properties:
#         BucketEncryption:
#           ServerSideEncryptionConfiguration:
#             - ServerSideEncryptionByDefault:
#                 SSEAlgorithm: aws:kms
package rungs.aws.cloudformation.s3_bucket_encryption

import rego.v1

import data.rungs.lib

encryption(b) := e if {
	e := lib.attr(b, "BucketEncryption", {})
	is_object(e)
}

rules(b) := object.get(encryption(b), "ServerSideEncryptionConfiguration", [])

undecided(b) if lib.is_unknown(lib.attr(b, "BucketEncryption", {}))

undecided(b) if lib.is_unknown(rules(b))

encrypted(b) if {
	some rule in rules(b)
	is_object(rule.ServerSideEncryptionByDefault)
}

deny contains finding if {
	some b in lib.resources("AWS::S3::Bucket")
	not encrypted(b)
	not undecided(b)
	finding := lib.finding(b, "S3 bucket declares no default encryption (BucketEncryption)")
}

unknown contains finding if {
	some b in lib.resources("AWS::S3::Bucket")
	not encrypted(b)
	undecided(b)
	finding := lib.finding(b, "BucketEncryption is unknown at scan time")
}
