# METADATA
# title: CloudFormation S3 buckets have server access logging
# description: >-
#   Every AWS::S3::Bucket sets LoggingConfiguration, except the buckets that
#   receive the access logs of other buckets of the template (their
#   DestinationBucketName refers to them) or carry the LogDeliveryWrite ACL.
# custom:
#   id: RUNGS-CFN-S3-004
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::S3::Bucket"]
#   controls: [LOG-2.3]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.4"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Send the bucket's access logs to a log bucket:
#       Properties:
#         LoggingConfiguration:
#           DestinationBucketName: !Ref AccessLogBucket
#           LogFilePrefix: data/
package rungs.aws.cloudformation.s3_access_logging

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::S3::Bucket"]

# Buckets named as the destination of another bucket's logs, indexed once.
targets := {id |
	some b in lib.resources("AWS::S3::Bucket")
	id := cfn.ref_id(cfn.at(b, ["LoggingConfiguration", "DestinationBucketName"], null))
}

log_target(r) if r.address in targets

log_target(r) if lib.attr(r, "AccessControl", "") == "LogDeliveryWrite"

state(r) := "pass" if log_target(r)

state(r) := s if {
	not log_target(r)
	s := cfn.tri_set(lib.attr(r, "LoggingConfiguration", null))
}

deny contains lib.finding(r, "S3 bucket has no server access logging (LoggingConfiguration)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "LoggingConfiguration is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
