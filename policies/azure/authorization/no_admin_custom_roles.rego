# METADATA
# title: Custom roles do not grant every action
# description: >-
#   No azurerm_role_definition allows the "*" action: a custom role with "*"
#   is a copy of Owner that escapes the reviews and alerts that watch the
#   built-in privileged roles.
# custom:
#   id: RUNGS-AZURE-AUTHORIZATION-001
#   severity: high
#   kind: resource
#   resource_types: [azurerm_role_definition]
#   controls: [IAM-1.2]
#   frameworks:
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     List the actions the role needs:
#       resource "azurerm_role_definition" "deployer" {
#         name  = "app-deployer"
#         scope = data.azurerm_subscription.current.id
#         permissions {
#           actions = [
#             "Microsoft.Web/sites/*",
#             "Microsoft.Resources/deployments/*",
#           ]
#         }
#       }
package rungs.azure.authorization.no_admin_custom_roles

import rego.v1

import data.rungs.lib

deny contains finding if {
	some r in lib.resources("azurerm_role_definition")
	some p in lib.blocks(r, "permissions")
	some a in lib.list_or_empty(object.get(p, "actions", []))
	is_string(a)
	trim_space(a) == "*"
	finding := lib.finding(r, "The custom role allows every action (\"*\")")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_role_definition"], ["permissions", "actions"])
}
