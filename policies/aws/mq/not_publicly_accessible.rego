# METADATA
# title: MQ brokers are not publicly accessible
# description: >-
#   Amazon MQ brokers keep publicly_accessible = false (the provider default),
#   so that the broker endpoints are reachable only from the VPC.
# custom:
#   id: RUNGS-AWS-MQ-001
#   severity: high
#   kind: resource
#   resource_types: [aws_mq_broker]
#   controls: [DAT-1.2]
#   frameworks:
#     checkov: ["CKV_AWS_69"]
#     csa-ccm-v4: ["IVS-03", "DSP-17"]
#   remediation: |
#     Keep the broker private:
#       resource "aws_mq_broker" "events" {
#         # ...
#         publicly_accessible = false
#       }
package rungs.aws.mq.not_publicly_accessible

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_mq_broker"]

path := ["publicly_accessible"]

# The provider default for publicly_accessible is false: a missing argument passes.
value(r) := checks.setting(r, path, false)

good(v) if lib.falsy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "MQ broker is publicly accessible (publicly_accessible)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "publicly_accessible is unknown at scan time")
}
