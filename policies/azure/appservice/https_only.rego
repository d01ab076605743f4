# METADATA
# title: App Service apps accept HTTPS only
# description: >-
#   Every web app and function app (azurerm_linux_web_app,
#   azurerm_windows_web_app, azurerm_linux_function_app,
#   azurerm_windows_function_app and the legacy azurerm_app_service and
#   azurerm_function_app) sets https_only = true, so that plain HTTP requests
#   are redirected to HTTPS. The provider default is false.
# custom:
#   id: RUNGS-AZURE-APPSERVICE-001
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service, azurerm_function_app]
#   controls: [DAT-2.3]
#   frameworks:
#     cis-azure-foundations-3.0: ["9.1"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Redirect HTTP to HTTPS:
#       resource "azurerm_linux_web_app" "portal" {
#         # ...
#         https_only = true
#       }
package rungs.azure.appservice.https_only

import rego.v1

import data.rungs.lib

app_types := [
	"azurerm_linux_web_app",
	"azurerm_windows_web_app",
	"azurerm_linux_function_app",
	"azurerm_windows_function_app",
	"azurerm_app_service",
	"azurerm_function_app",
]

deny contains finding if {
	some t in app_types
	some app in lib.resources(t)
	# https_only defaults to false.
	lib.falsy(lib.attr(app, "https_only", false))
	finding := lib.finding(app, "The app accepts plain HTTP (https_only is false or left at its default, false)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_app_service", "azurerm_function_app"], ["https_only"])
}
