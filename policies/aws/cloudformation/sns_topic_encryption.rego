# METADATA
# title: CloudFormation SNS topics are encrypted at rest
# description: >-
#   Every AWS::SNS::Topic names a KMS key (KmsMasterKeyId); topics are not
#   encrypted by default.
# custom:
#   id: RUNGS-CFN-SNS-001
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::SNS::Topic"]
#   controls: [DAT-2.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the topic:
#       Properties:
#         KmsMasterKeyId: !Ref TopicKey
package rungs.aws.cloudformation.sns_topic_encryption

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::SNS::Topic"]

state(r) := cfn.tri_set(lib.attr(r, "KmsMasterKeyId", null))

deny contains lib.finding(r, "SNS topic is not encrypted (KmsMasterKeyId)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "KmsMasterKeyId is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
