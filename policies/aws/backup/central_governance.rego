# METADATA
# title: Backups are governed centrally and locked against deletion
# description: >-
#   Backups are protected by a guardrail that a member account cannot undo:
#   an AWS Organizations backup policy (aws_organizations_policy of type
#   BACKUP_POLICY, which deploys backup plans to every account of its
#   targets), or AWS Backup Vault Lock on a vault
#   (aws_backup_vault_lock_configuration), or a logically air-gapped vault
#   (aws_backup_logically_air_gapped_vault, locked by design).
# custom:
#   id: RUNGS-AWS-BACKUP-002
#   severity: low
#   kind: presence
#   resource_types: [aws_organizations_policy, aws_backup_vault_lock_configuration, aws_backup_logically_air_gapped_vault]
#   controls: [DAT-4.3]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Lock the backup vault (compliance mode becomes immutable after the grace period):
#       resource "aws_backup_vault_lock_configuration" "main" {
#         backup_vault_name   = aws_backup_vault.main.name
#         min_retention_days  = 7
#         max_retention_days  = 365
#         changeable_for_days = 3
#       }
#     or deploy plans from the management account with an Organizations backup policy
#     (aws_organizations_policy with type = "BACKUP_POLICY", attached to the workload OUs).
package rungs.aws.backup.central_governance

import rego.v1

import data.rungs.lib

backup_policy_type(t) if t == "BACKUP_POLICY"

backup_policy_type(t) if lib.is_unknown(t)

present if {
	some p in lib.resources("aws_organizations_policy")
	backup_policy_type(lib.attr(p, "type", "SERVICE_CONTROL_POLICY"))
}

present if lib.has_resource("aws_backup_vault_lock_configuration")

present if lib.has_resource("aws_backup_logically_air_gapped_vault")
