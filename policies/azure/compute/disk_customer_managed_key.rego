# METADATA
# title: Managed disks are encrypted with a customer-managed key
# description: >-
#   Managed disks name a disk encryption set (disk_encryption_set_id), so that
#   their data is encrypted with a Key Vault key the organisation controls.
#   Without it the disk is encrypted with a platform-managed key.
# custom:
#   id: RUNGS-AZURE-COMPUTE-003
#   severity: low
#   kind: resource
#   resource_types: [azurerm_managed_disk]
#   controls: [DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the disk with a disk encryption set:
#       resource "azurerm_managed_disk" "data" {
#         # ...
#         disk_encryption_set_id = azurerm_disk_encryption_set.main.id
#       }
package rungs.azure.compute.disk_customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["azurerm_managed_disk"]

path := ["disk_encryption_set_id"]

# Without a disk encryption set the disk uses a platform-managed key: a finding.
value(r) := checks.setting(r, path, null)

good(v) if lib.is_nonempty_string(v)

good(v) if checks.resource_reference(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided_blocks(r, path)

# A variable or a module output may be null.
undecided(r) if {
	v := value(r)
	lib.is_unknown(v)
	not checks.resource_reference(v)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Managed disk is not encrypted with a customer-managed key (disk_encryption_set_id)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "disk_encryption_set_id is unknown at scan time")
}
