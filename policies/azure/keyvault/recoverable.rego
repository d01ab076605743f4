# METADATA
# title: Key vaults are recoverable (soft delete and purge protection)
# description: >-
#   Every azurerm_key_vault keeps deleted vaults and objects recoverable: purge
#   protection is enabled, soft delete is not turned off (azurerm v2) and the
#   soft-delete retention is at least 7 days, so that a deleted key, secret or
#   vault (and the data encrypted with its keys) can be restored, even by
#   someone who wants to destroy it.
# custom:
#   id: RUNGS-AZURE-KEYVAULT-001
#   severity: high
#   kind: resource
#   resource_types: [azurerm_key_vault]
#   controls: [DAT-2.2]
#   frameworks:
#     cis-azure-foundations-3.0: ["3.3.5"]
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Enable purge protection (it cannot be turned off again) and keep the
#     default 90-day soft-delete retention:
#       resource "azurerm_key_vault" "platform" {
#         # ...
#         purge_protection_enabled   = true
#         soft_delete_retention_days = 90
#       }
package rungs.azure.keyvault.recoverable

import rego.v1

import data.rungs.lib

# Provider validation allows 7 to 90 days; 90 is the default.
min_days := 7

deny contains finding if {
	some kv in lib.resources("azurerm_key_vault")
	# purge_protection_enabled defaults to false.
	lib.falsy(lib.attr(kv, "purge_protection_enabled", false))
	finding := lib.finding(kv, "Purge protection is not enabled: deleted keys and secrets can be purged before the retention period ends")
}

deny contains finding if {
	some kv in lib.resources("azurerm_key_vault")
	# soft_delete_enabled exists on azurerm v2 only (default true); v3 and v4
	# always soft delete.
	lib.falsy(lib.attr(kv, "soft_delete_enabled", true))
	finding := lib.finding(kv, "Soft delete is disabled")
}

deny contains finding if {
	some kv in lib.resources("azurerm_key_vault")
	days := lib.to_num(lib.attr(kv, "soft_delete_retention_days", 90))
	days < min_days
	finding := lib.finding(kv, sprintf("Soft-deleted objects are kept %v days (fewer than %d)", [days, min_days]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_key_vault"], ["purge_protection_enabled", "soft_delete_enabled", "soft_delete_retention_days"])
}
