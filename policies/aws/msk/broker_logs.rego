# METADATA
# title: MSK clusters deliver broker logs
# description: >-
#   MSK clusters enable at least one broker log destination in
#   logging_info.broker_logs (CloudWatch Logs, Firehose or S3). Nothing is
#   delivered by default.
# custom:
#   id: RUNGS-AWS-MSK-002
#   severity: medium
#   kind: resource
#   resource_types: [aws_msk_cluster]
#   controls: [LOG-2.3]
#   frameworks:
#     checkov: ["CKV_AWS_80"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Deliver broker logs:
#       resource "aws_msk_cluster" "events" {
#         # ...
#         logging_info {
#           broker_logs {
#             cloudwatch_logs {
#               enabled   = true
#               log_group = aws_cloudwatch_log_group.msk.name
#             }
#           }
#         }
#       }
package rungs.aws.msk.broker_logs

import rego.v1

import data.rungs.lib

destinations := ["cloudwatch_logs", "firehose", "s3"]

# The destination blocks of logging_info.broker_logs.
targets(r) := [d |
	some li in lib.blocks(r, "logging_info")
	some bl in lib.sub_blocks(li, "broker_logs")
	some key in destinations
	some d in lib.sub_blocks(bl, key)
]

delivers(r) if {
	some d in targets(r)
	lib.truthy(object.get(d, "enabled", false))
}

# What the scan cannot know decides nothing: the cluster is not judged, never passed.
undecided(r) if lib.is_unknown(lib.attr(r, "logging_info", null))

undecided(r) if {
	some li in lib.blocks(r, "logging_info")
	lib.is_unknown(object.get(li, "broker_logs", null))
}

undecided(r) if {
	some li in lib.blocks(r, "logging_info")
	some bl in lib.sub_blocks(li, "broker_logs")
	some key in destinations
	lib.is_unknown(object.get(bl, key, null))
}

undecided(r) if {
	some d in targets(r)
	lib.is_unknown(object.get(d, "enabled", null))
}

deny contains finding if {
	some r in lib.resources("aws_msk_cluster")
	not delivers(r)
	not undecided(r)
	finding := lib.finding(r, "MSK cluster delivers no broker logs (logging_info.broker_logs)")
}

unknown contains finding if {
	some r in lib.resources("aws_msk_cluster")
	not delivers(r)
	undecided(r)
	finding := lib.finding(r, "logging_info is unknown at scan time")
}
