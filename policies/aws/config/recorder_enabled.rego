# METADATA
# title: AWS Config records all resource types
# description: >-
#   An AWS Config configuration recorder is declared that records all
#   supported resource types (the default recording group), and no recorder
#   status turns it off, so resource configuration history is kept.
# custom:
#   id: RUNGS-AWS-CONFIG-001
#   severity: medium
#   kind: presence
#   resource_types: [aws_config_configuration_recorder]
#   controls: [CMP-2.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.3"]
#     csa-ccm-v4: ["CCC-07"]
#   remediation: |
#     Record everything and start the recorder:
#       resource "aws_config_configuration_recorder" "this" {
#         name     = "default"
#         role_arn = aws_iam_role.config.arn
#         recording_group {
#           all_supported                 = true
#           include_global_resource_types = true
#         }
#       }
#       resource "aws_config_configuration_recorder_status" "this" {
#         name       = aws_config_configuration_recorder.this.name
#         is_enabled = true
#         depends_on = [aws_config_delivery_channel.this]
#       }
package rungs.aws.config.recorder_enabled

import rego.v1

import data.rungs.lib

records_all(rec) if count(lib.blocks(rec, "recording_group")) == 0

records_all(rec) if {
	some g in lib.blocks(rec, "recording_group")
	# The provider default for all_supported is true.
	not lib.falsy(object.get(g, "all_supported", true))
}

# A recorder status explicitly stops recording.
stopped if {
	some s in lib.resources("aws_config_configuration_recorder_status")
	lib.falsy(lib.attr(s, "is_enabled", true))
}

present if {
	not stopped
	some rec in lib.resources("aws_config_configuration_recorder")
	records_all(rec)
}
