# METADATA
# title: Security services are administered from a delegated account
# description: >-
#   A delegated administrator is registered for security services
#   (aws_organizations_delegated_administrator, or the GuardDuty, Security Hub,
#   Macie, Detective or Inspector organization admin resources), so that they
#   are run from a dedicated security account rather than the management
#   account or each member.
# custom:
#   id: RUNGS-AWS-ORGANIZATIONS-004
#   severity: low
#   kind: presence
#   resource_types: [aws_organizations_delegated_administrator, aws_guardduty_organization_admin_account, aws_securityhub_organization_admin_account, aws_macie2_organization_admin_account, aws_detective_organization_admin_account, aws_inspector2_delegated_admin_account]
#   controls: [ORG-4.2]
#   frameworks:
#     csa-ccm-v4: ["IAM-09"]
#   remediation: |
#     From the management account, delegate to the security account:
#       resource "aws_guardduty_organization_admin_account" "security" {
#         admin_account_id = var.security_account_id
#       }
#       resource "aws_securityhub_organization_admin_account" "security" {
#         admin_account_id = var.security_account_id
#       }
package rungs.aws.organizations.delegated_security_admin

import rego.v1

import data.rungs.lib

types := [
	"aws_organizations_delegated_administrator",
	"aws_guardduty_organization_admin_account",
	"aws_securityhub_organization_admin_account",
	"aws_macie2_organization_admin_account",
	"aws_detective_organization_admin_account",
	"aws_inspector2_delegated_admin_account",
]

present if {
	some t in types
	lib.has_resource(t)
}
