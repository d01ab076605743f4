# METADATA
# title: Backup vaults are locked immutable
# description: >-
#   Recovery Services vaults and Backup vaults set immutability = "Locked", so
#   that recovery points cannot be deleted or shortened before they expire, not
#   even by an administrator or an attacker holding one's credentials. The
#   default is Disabled; Unlocked can still be turned off.
# custom:
#   id: RUNGS-AZURE-BACKUP-001
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_recovery_services_vault, azurerm_data_protection_backup_vault]
#   controls: [DAT-4.3]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Lock the vault's immutability (irreversible):
#       resource "azurerm_recovery_services_vault" "backup" {
#         # ...
#         immutability = "Locked"
#       }
package rungs.azure.backup.vault_immutability

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["azurerm_recovery_services_vault", "azurerm_data_protection_backup_vault"]

path := ["immutability"]

# The provider default for immutability is Disabled: a missing argument is a finding.
value(r) := checks.setting(r, path, "Disabled")

good(v) if v == "Locked"

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Backup vault is not locked immutable (immutability)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "immutability is unknown at scan time")
}
