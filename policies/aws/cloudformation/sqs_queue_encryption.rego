# METADATA
# title: CloudFormation SQS queues are encrypted at rest
# description: >-
#   No AWS::SQS::Queue turns server-side encryption off: SqsManagedSseEnabled
#   false without a KmsMasterKeyId (queues are encrypted with SQS-owned keys by
#   default).
# custom:
#   id: RUNGS-CFN-SQS-001
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::SQS::Queue"]
#   controls: [DAT-2.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Keep server-side encryption on, with a key of the template:
#       Properties:
#         KmsMasterKeyId: !Ref QueueKey
package rungs.aws.cloudformation.sqs_queue_encryption

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::SQS::Queue"]

state(r) := lib.any_of([
	cfn.tri_set(lib.attr(r, "KmsMasterKeyId", null)),
	lib.tri_true(lib.attr(r, "SqsManagedSseEnabled", true)),
])

deny contains lib.finding(r, "SQS queue turns server-side encryption off (SqsManagedSseEnabled: false and no KmsMasterKeyId)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "SqsManagedSseEnabled is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
