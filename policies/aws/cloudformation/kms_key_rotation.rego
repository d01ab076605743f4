# METADATA
# title: CloudFormation KMS keys rotate automatically
# description: >-
#   Every symmetric AWS::KMS::Key (KeySpec absent or SYMMETRIC_DEFAULT) sets
#   EnableKeyRotation to true (the default is false). Asymmetric and HMAC keys
#   cannot rotate automatically and are not judged.
# custom:
#   id: RUNGS-CFN-KMS-001
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::KMS::Key"]
#   controls: [DAT-3.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.6"]
#     csa-ccm-v4: ["CEK-12"]
#   remediation: |
#     Turn yearly rotation on:
#       Properties:
#         EnableKeyRotation: true
package rungs.aws.cloudformation.kms_key_rotation

import rego.v1

import data.rungs.lib

types := ["AWS::KMS::Key"]

spec(r) := lib.attr(r, "KeySpec", "SYMMETRIC_DEFAULT")

state(r) := "unknown" if lib.is_unknown(spec(r))

state(r) := lib.tri_true(lib.attr(r, "EnableKeyRotation", false)) if spec(r) == "SYMMETRIC_DEFAULT"

deny contains lib.finding(r, "KMS key rotation is not enabled (EnableKeyRotation)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "KeySpec or EnableKeyRotation is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
