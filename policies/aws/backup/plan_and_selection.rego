# METADATA
# title: AWS Backup plans protect resources
# description: >-
#   An AWS Backup plan with at least one rule exists together with a backup
#   selection that assigns resources to a plan (aws_backup_plan and
#   aws_backup_selection), or an AWS Organizations backup policy deploys
#   plans and selections to member accounts, so that data stores are backed
#   up on a schedule and kept in a vault independent of the resources' own
#   snapshots.
# custom:
#   id: RUNGS-AWS-BACKUP-001
#   severity: medium
#   kind: presence
#   resource_types: [aws_backup_plan, aws_backup_selection, aws_organizations_policy]
#   controls: [DAT-2.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Back up tagged resources daily and keep 35 days:
#       resource "aws_backup_plan" "daily" {
#         name = "daily"
#         rule {
#           rule_name         = "daily"
#           target_vault_name = aws_backup_vault.main.name
#           schedule          = "cron(0 3 * * ? *)"
#           lifecycle {
#             delete_after = 35
#           }
#         }
#       }
#       resource "aws_backup_selection" "tagged" {
#         name         = "tagged"
#         plan_id      = aws_backup_plan.daily.id
#         iam_role_arn = aws_iam_role.backup.arn
#         selection_tag {
#           type  = "STRINGEQUALS"
#           key   = "backup"
#           value = "daily"
#         }
#       }
package rungs.aws.backup.plan_and_selection

import rego.v1

import data.rungs.lib

plan_with_rule if {
	some p in lib.resources("aws_backup_plan")
	count(lib.blocks(p, "rule")) > 0
}

plan_with_rule if {
	some p in lib.resources("aws_backup_plan")
	lib.is_unknown(lib.attr(p, "rule", null))
}

selection if {
	some s in lib.resources("aws_backup_selection")
	lib.is_set(lib.attr(s, "plan_id", null))
}

present if {
	plan_with_rule
	selection
}

# An Organizations backup policy creates plans and selections in the member
# accounts it is attached to.
present if {
	some p in lib.resources("aws_organizations_policy")
	t := lib.attr(p, "type", "SERVICE_CONTROL_POLICY")
	backup_policy_type(t)
}

backup_policy_type(t) if t == "BACKUP_POLICY"

backup_policy_type(t) if lib.is_unknown(t)
