# METADATA
# title: MQ brokers publish their logs
# description: >-
#   Amazon MQ brokers set logs { general = true } (and audit = true for
#   ActiveMQ), so that broker activity reaches CloudWatch Logs. Both are off by
#   default.
# custom:
#   id: RUNGS-AWS-MQ-002
#   severity: medium
#   kind: resource
#   resource_types: [aws_mq_broker]
#   controls: [LOG-2.3]
#   frameworks:
#     checkov: ["CKV_AWS_48"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Publish the broker logs:
#       resource "aws_mq_broker" "events" {
#         # ...
#         logs {
#           general = true
#           audit   = true
#         }
#       }
package rungs.aws.mq.general_logs

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_mq_broker"]

path := ["logs", "general"]

# General logging is off when the block or its argument is missing.
value(r) := checks.setting(r, path, false)

good(v) if lib.truthy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "MQ broker does not publish its general log (logs.general)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "logs.general is unknown at scan time")
}
