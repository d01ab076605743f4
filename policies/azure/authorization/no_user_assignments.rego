# METADATA
# title: Azure roles are assigned to groups or workload identities, not to individual users
# description: >-
#   No azurerm_role_assignment grants a role to an individual user: neither
#   principal_type = "User" nor a principal_id taken from an azuread_user.
#   Assigning roles to Entra ID groups keeps access reviewable and lets joiners
#   and leavers be handled in the directory. When principal_type is unset and
#   principal_id does not name a group, a service principal or a managed
#   identity, the assignment is not judged (a bare object id may be a user).
# custom:
#   id: RUNGS-AZURE-AUTHORIZATION-003
#   severity: low
#   kind: resource
#   resource_types: [azurerm_role_assignment]
#   controls: [IAM-2.2]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Put the person in a group and assign the role to the group:
#       resource "azurerm_role_assignment" "readers" {
#         scope                = azurerm_resource_group.app.id
#         role_definition_name = "Reader"
#         principal_id         = azuread_group.app_readers.object_id
#         principal_type       = "Group"
#       }
package rungs.azure.authorization.no_user_assignments

import rego.v1

import data.rungs.lib

principal_type(a) := lib.attr(a, "principal_type", null)

principal_id(a) := lib.attr(a, "principal_id", null)

user(a) if {
	lib.is_known_string(principal_type(a))
	lower(trim_space(principal_type(a))) == "user"
}

# A reference to a (data) azuread_user or azuread_users.
user(a) if {
	lib.is_unknown(principal_id(a))
	regex.match(`(^|[^A-Za-z0-9_])azuread_users?\.`, principal_id(a))
}

not_user(a) if {
	lib.is_known_string(principal_type(a))
	not user(a)
}

# Groups, service principals and managed identities, named by reference.
not_user(a) if {
	lib.is_unknown(principal_id(a))
	regex.match(`(^|[^A-Za-z0-9_])(azuread_group|azuread_service_principal|azurerm_user_assigned_identity)\.|\.identity(\[[0-9]+\])?\.principal_id`, principal_id(a))
}

deny contains finding if {
	some a in lib.resources("azurerm_role_assignment")
	user(a)
	finding := lib.finding(a, "The role is assigned to an individual user; assign it to a group")
}

unknown contains finding if {
	some a in lib.resources("azurerm_role_assignment")
	not user(a)
	not not_user(a)
	finding := lib.finding(a, "principal_type is unset or unknown and principal_id does not show whether the principal is a user")
}
