# METADATA
# title: Azure SQL servers have a Microsoft Entra administrator
# description: >-
#   Every azurerm_mssql_server has a Microsoft Entra ID (Azure AD)
#   administrator (an azuread_administrator block, or an
#   azurerm_sql_active_directory_administrator resource on azurerm v3), so
#   that people and workloads can sign in with Entra identities, MFA and
#   conditional access instead of SQL logins only.
# custom:
#   id: RUNGS-AZURE-SQL-003
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_mssql_server]
#   controls: [IAM-2.3]
#   frameworks:
#     cis-azure-foundations-3.0: ["5.1.4"]
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Make an Entra group the administrator (and consider Entra-only sign-in):
#       resource "azurerm_mssql_server" "main" {
#         # ...
#         azuread_administrator {
#           login_username              = "sql-admins"
#           object_id                   = azuread_group.sql_admins.object_id
#           azuread_authentication_only = true
#         }
#       }
package rungs.azure.sql.entra_admin

import rego.v1

import data.rungs.lib

admin_type := "azurerm_sql_active_directory_administrator"

has_admin(s) if count(lib.blocks(s, "azuread_administrator")) > 0

has_admin(s) if lib.is_unknown(lib.attr(s, "azuread_administrator", null))

# A separate administrator resource naming the server (server_name, by
# reference or by the server's literal name).
has_admin(s) if lib.maybe_companion(s, admin_type, "server_name")

deny contains finding if {
	some s in lib.resources("azurerm_mssql_server")
	# No administrator block: SQL authentication only.
	not has_admin(s)
	finding := lib.finding(s, "No Microsoft Entra administrator: only SQL logins can sign in")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_mssql_server"], ["azuread_administrator"])
}
