# METADATA
# title: Athena workgroups encrypt query results
# description: >-
#   Athena workgroups set
#   configuration.result_configuration.encryption_configuration, so that query
#   results written to S3 are encrypted (SSE_S3, SSE_KMS or CSE_KMS). Without it
#   results are stored as the bucket's defaults leave them, and clients may
#   choose no encryption.
# custom:
#   id: RUNGS-AWS-ATHENA-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_athena_workgroup]
#   controls: [DAT-2.1]
#   frameworks:
#     checkov: ["CKV_AWS_82"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the results and enforce the workgroup's settings:
#       resource "aws_athena_workgroup" "analytics" {
#         # ...
#         configuration {
#           enforce_workgroup_configuration = true
#           result_configuration {
#             output_location = "s3://${aws_s3_bucket.results.bucket}/"
#             encryption_configuration {
#               encryption_option = "SSE_KMS"
#               kms_key_arn       = aws_kms_key.athena.arn
#             }
#           }
#         }
#       }
package rungs.aws.athena.result_encryption

import rego.v1

import data.rungs.lib

result_configs(r) := [rc | some c in lib.blocks(r, "configuration"); some rc in lib.sub_blocks(c, "result_configuration")]

encryption_blocks(r) := [e | some rc in result_configs(r); some e in lib.sub_blocks(rc, "encryption_configuration")]

encrypted(r) if {
	some e in encryption_blocks(r)
	lib.is_set(object.get(e, "encryption_option", null))
}

# What the scan cannot know decides nothing: the workgroup is not judged, never passed.
undecided(r) if lib.is_unknown(lib.attr(r, "configuration", null))

undecided(r) if {
	some c in lib.blocks(r, "configuration")
	lib.is_unknown(object.get(c, "result_configuration", null))
}

undecided(r) if {
	some rc in result_configs(r)
	lib.is_unknown(object.get(rc, "encryption_configuration", null))
}

undecided(r) if {
	some e in encryption_blocks(r)
	some key in ["encryption_option", "_for_each"]
	lib.is_unknown(object.get(e, key, null))
}

deny contains finding if {
	some r in lib.resources("aws_athena_workgroup")
	not encrypted(r)
	not undecided(r)
	finding := lib.finding(r, "Athena workgroup does not encrypt query results (result_configuration.encryption_configuration)")
}

unknown contains finding if {
	some r in lib.resources("aws_athena_workgroup")
	undecided(r)
	finding := lib.finding(r, "result encryption is unknown at scan time")
}
