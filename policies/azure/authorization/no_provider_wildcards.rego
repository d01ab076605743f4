# METADATA
# title: Custom roles do not grant every action of a resource provider
# description: >-
#   No azurerm_role_definition allows a whole resource provider
#   ("Microsoft.Storage/*", "Microsoft.KeyVault/*", ...): such a role can
#   also change access, networking and deletion settings of every resource of
#   that provider. Resource-type wildcards ("Microsoft.Web/sites/*") are
#   allowed.
# custom:
#   id: RUNGS-AZURE-AUTHORIZATION-002
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_role_definition]
#   controls: [IAM-3.2]
#   frameworks:
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Grant the resource types and operations the role needs:
#       resource "azurerm_role_definition" "blob_operator" {
#         name  = "blob-operator"
#         scope = data.azurerm_subscription.current.id
#         permissions {
#           actions = [
#             "Microsoft.Storage/storageAccounts/blobServices/containers/read",
#             "Microsoft.Storage/storageAccounts/blobServices/containers/write",
#           ]
#         }
#       }
package rungs.azure.authorization.no_provider_wildcards

import rego.v1

import data.rungs.lib

# "<Provider>/*": two segments, the second a wildcard, the first a provider.
provider_wildcard(a) if {
	is_string(a)
	not contains(a, "${")
	parts := split(trim_space(a), "/")
	count(parts) == 2
	parts[1] == "*"
	parts[0] != "*"
}

deny contains finding if {
	some r in lib.resources("azurerm_role_definition")
	some p in lib.blocks(r, "permissions")
	some a in lib.list_or_empty(object.get(p, "actions", []))
	provider_wildcard(a)
	finding := lib.finding(r, sprintf("The custom role allows every action of %s", [a]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_role_definition"], ["permissions", "actions"])
}
