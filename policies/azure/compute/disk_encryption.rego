# METADATA
# title: Virtual machines encrypt temporary disks and caches
# description: >-
#   Every Linux and Windows virtual machine and scale set enables encryption
#   at host (encryption_at_host_enabled = true), or a VM has the Azure Disk
#   Encryption extension (an azurerm_virtual_machine_extension of type
#   AzureDiskEncryption or AzureDiskEncryptionForLinux naming it). Managed OS
#   and data disks are encrypted at rest by the platform anyway; the
#   temporary disk and the disk caches on the host are encrypted only this way.
# custom:
#   id: RUNGS-AZURE-COMPUTE-001
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_linux_virtual_machine, azurerm_windows_virtual_machine, azurerm_linux_virtual_machine_scale_set, azurerm_windows_virtual_machine_scale_set]
#   controls: [WKL-1.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Register the EncryptionAtHost feature on the subscription once
#     (az feature register --namespace Microsoft.Compute --name EncryptionAtHost),
#     then enable it on each VM:
#       resource "azurerm_linux_virtual_machine" "app" {
#         # ...
#         encryption_at_host_enabled = true
#       }
package rungs.azure.compute.disk_encryption

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

vm_types := [
	"azurerm_linux_virtual_machine",
	"azurerm_windows_virtual_machine",
	"azurerm_linux_virtual_machine_scale_set",
	"azurerm_windows_virtual_machine_scale_set",
]

ext_type := "azurerm_virtual_machine_extension"

ade_types := {"azurediskencryption", "azurediskencryptionforlinux"}

# encryption_at_host_enabled defaults to false; true or unknown passes.
encrypted(vm) if not lib.falsy(lib.attr(vm, "encryption_at_host_enabled", false))

# An Azure Disk Encryption extension on this VM (or one whose VM or type the
# scan cannot tell).
encrypted(vm) if {
	some e in azure.companions(vm, ext_type, "virtual_machine_id")
	ade(e)
}

encrypted(vm) if {
	some e in lib.resources(ext_type)
	azure.unresolved(lib.attr(e, "virtual_machine_id", null))
	ade(e)
}

ade(e) if azure.one_of(lib.attr(e, "type", null), ade_types)

ade(e) if lib.is_unknown(lib.attr(e, "type", null))

deny contains finding if {
	some t in vm_types
	some vm in lib.resources(t)
	not encrypted(vm)
	finding := lib.finding(vm, "Neither encryption at host nor Azure Disk Encryption: the temporary disk and disk caches are not encrypted")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_linux_virtual_machine_scale_set", "azurerm_windows_virtual_machine_scale_set"], ["encryption_at_host_enabled"])
}
