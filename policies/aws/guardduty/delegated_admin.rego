# METADATA
# title: GuardDuty is administered from a delegated account
# description: >-
#   The organization delegates GuardDuty administration to a security account
#   (aws_guardduty_organization_admin_account, or
#   aws_organizations_delegated_administrator for
#   guardduty.amazonaws.com), so that threat detection for every member is
#   run and its findings are read centrally, outside the management account.
# custom:
#   id: RUNGS-AWS-GUARDDUTY-003
#   severity: low
#   kind: presence
#   resource_types: [aws_guardduty_organization_admin_account, aws_organizations_delegated_administrator]
#   controls: [IR-4.1]
#   frameworks:
#     csa-ccm-v4: ["LOG-03"]
#   remediation: |
#     From the management account:
#       resource "aws_guardduty_organization_admin_account" "security" {
#         admin_account_id = var.security_account_id
#       }
package rungs.aws.guardduty.delegated_admin

import rego.v1

import data.rungs.lib

present if {
	some a in lib.resources("aws_guardduty_organization_admin_account")
	lib.is_set(lib.attr(a, "admin_account_id", null))
}

principal_ok(v) if v == "guardduty.amazonaws.com"

principal_ok(v) if lib.is_unknown(v)

present if {
	some a in lib.resources("aws_organizations_delegated_administrator")
	principal_ok(lib.attr(a, "service_principal", ""))
}
