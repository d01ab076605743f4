# METADATA
# title: GuardDuty threat detection is enabled
# description: >-
#   An enabled Amazon GuardDuty detector is declared, so that suspicious API
#   calls, network traffic and credential use are detected and raised as
#   findings.
# custom:
#   id: RUNGS-AWS-GUARDDUTY-001
#   severity: high
#   kind: presence
#   resource_types: [aws_guardduty_detector]
#   controls: [IR-2.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     Enable GuardDuty in every account and region you use:
#       resource "aws_guardduty_detector" "this" {
#         enable = true
#       }
package rungs.aws.guardduty.detector_enabled

import rego.v1

import data.rungs.lib

present if {
	some d in lib.resources("aws_guardduty_detector")
	# The provider default for enable is true.
	not lib.falsy(lib.attr(d, "enable", true))
}
