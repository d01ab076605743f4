# METADATA
# title: GuardDuty is enabled automatically for organization members
# description: >-
#   The GuardDuty delegated administrator enables GuardDuty automatically for
#   member accounts (aws_guardduty_organization_configuration with
#   auto_enable_organization_members ALL or NEW), so no account is left
#   without threat detection.
# custom:
#   id: RUNGS-AWS-GUARDDUTY-002
#   severity: medium
#   kind: presence
#   resource_types: [aws_guardduty_organization_configuration]
#   controls: [IR-4.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     From the GuardDuty delegated administrator account:
#       resource "aws_guardduty_organization_configuration" "this" {
#         detector_id                      = aws_guardduty_detector.this.id
#         auto_enable_organization_members = "ALL"
#       }
package rungs.aws.guardduty.organization_auto_enable

import rego.v1

import data.rungs.lib

members_ok(v) if v in {"ALL", "NEW"}

members_ok(v) if lib.is_unknown(v)

present if {
	some c in lib.resources("aws_guardduty_organization_configuration")
	members_ok(lib.attr(c, "auto_enable_organization_members", "NONE"))
}

# Deprecated form: auto_enable = true.
present if {
	some c in lib.resources("aws_guardduty_organization_configuration")
	v := lib.attr(c, "auto_enable", false)
	not lib.falsy(v)
}
