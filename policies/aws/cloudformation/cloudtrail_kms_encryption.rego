# METADATA
# title: CloudFormation CloudTrail logs are encrypted with a KMS key
# description: >-
#   Every AWS::CloudTrail::Trail names a KMS key (KMSKeyId), so reading its
#   log files needs a key grant as well as bucket access.
# custom:
#   id: RUNGS-CFN-CLOUDTRAIL-003
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::CloudTrail::Trail"]
#   controls: [LOG-3.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.5"]
#     csa-ccm-v4: ["LOG-02", "CEK-03"]
#   remediation: |
#     Encrypt the log files with a key of the template:
#       Properties:
#         KMSKeyId: !Ref TrailKey
package rungs.aws.cloudformation.cloudtrail_kms_encryption

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::CloudTrail::Trail"]

state(r) := cfn.tri_set(lib.attr(r, "KMSKeyId", null))

deny contains lib.finding(r, "CloudTrail logs are not encrypted with a KMS key (KMSKeyId)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "KMSKeyId is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
