# METADATA
# title: Backup vaults are encrypted with a customer-managed key
# description: >-
#   Backup vaults name a customer-managed KMS key in kms_key_arn; without it
#   recovery points are encrypted with the AWS managed key aws/backup.
# custom:
#   id: RUNGS-AWS-BACKUP-003
#   severity: low
#   kind: resource
#   resource_types: [aws_backup_vault]
#   controls: [DAT-3.3]
#   frameworks:
#     checkov: ["CKV_AWS_166"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Name your key:
#       resource "aws_backup_vault" "main" {
#         # ...
#         kms_key_arn = aws_kms_key.data.arn
#       }
package rungs.aws.backup.vault_customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_backup_vault"]

path := ["kms_key_arn"]

# Without a key the service encrypts with its AWS managed key, which is not customer-managed.
value(r) := checks.setting(r, path, null)

good(v) if checks.kms_key_ref(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided_blocks(r, path)

# A reference to something other than a key resource (a variable, a module output) may be null.
undecided(r) if {
	v := value(r)
	lib.is_unknown(v)
	not checks.kms_key_ref(v)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Backup vault is not encrypted with a customer-managed KMS key (kms_key_arn)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "kms_key_arn is unknown at scan time")
}
