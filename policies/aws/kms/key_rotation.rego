# METADATA
# title: KMS keys rotate automatically
# description: >-
#   Every symmetric customer-managed KMS key has automatic key rotation
#   enabled, limiting how much data one key version protects. Asymmetric and
#   HMAC keys, which cannot rotate automatically, are not judged.
# custom:
#   id: RUNGS-AWS-KMS-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_kms_key]
#   controls: [DAT-3.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.6"]
#     csa-ccm-v4: ["CEK-12"]
#   remediation: |
#     Enable rotation on the key:
#       resource "aws_kms_key" "data" {
#         description         = "data at rest"
#         enable_key_rotation = true
#       }
package rungs.aws.kms.key_rotation

import rego.v1

import data.rungs.lib

# The key is symmetric and used for encryption, or we cannot tell otherwise.
symmetric(key) if {
	spec := lib.attr(key, "key_spec", lib.attr(key, "customer_master_key_spec", "SYMMETRIC_DEFAULT"))
	spec == "SYMMETRIC_DEFAULT"
	lib.attr(key, "key_usage", "ENCRYPT_DECRYPT") == "ENCRYPT_DECRYPT"
}

deny contains finding if {
	some key in lib.resources("aws_kms_key")
	symmetric(key)
	# The provider default is false.
	lib.falsy(lib.attr(key, "enable_key_rotation", false))
	finding := lib.finding(key, "KMS key does not have automatic rotation enabled (enable_key_rotation)")
}

# Resources whose enable_key_rotation is unknown at scan time are reported as not judged, never as passed.
unknown := lib.unknown_argument(["aws_kms_key"], "enable_key_rotation")
