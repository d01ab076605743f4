# METADATA
# title: Linux virtual machines do not accept SSH passwords
# description: >-
#   No azurerm_linux_virtual_machine or azurerm_linux_virtual_machine_scale_set
#   enables password authentication (disable_password_authentication =
#   false), so that administrators sign in with SSH keys or Microsoft Entra ID
#   login rather than local passwords that can be guessed or sprayed.
# custom:
#   id: RUNGS-AZURE-COMPUTE-002
#   severity: high
#   kind: resource
#   resource_types: [azurerm_linux_virtual_machine, azurerm_linux_virtual_machine_scale_set]
#   controls: [IAM-2.3]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Use SSH keys (password authentication is off by default):
#       resource "azurerm_linux_virtual_machine" "app" {
#         # ...
#         disable_password_authentication = true
#         admin_ssh_key {
#           username   = "azureuser"
#           public_key = var.admin_ssh_public_key
#         }
#       }
package rungs.azure.compute.linux_password_auth

import rego.v1

import data.rungs.lib

deny contains finding if {
	some t in ["azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"]
	some vm in lib.resources(t)
	# disable_password_authentication defaults to true.
	lib.falsy(lib.attr(vm, "disable_password_authentication", true))
	finding := lib.finding(vm, "SSH password authentication is enabled")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_linux_virtual_machine", "azurerm_linux_virtual_machine_scale_set"], ["disable_password_authentication"])
}
