# METADATA
# title: App Service apps refuse TLS versions older than 1.2
# description: >-
#   No web app or function app lowers site_config.minimum_tls_version (or
#   scm_minimum_tls_version, for the deployment endpoint) below 1.2, the
#   default of azurerm v3 and v4, so that clients cannot connect with TLS 1.0
#   or 1.1.
# custom:
#   id: RUNGS-AZURE-APPSERVICE-002
#   severity: medium
#   kind: resource
#   resource_types: [azurerm_linux_web_app, azurerm_windows_web_app, azurerm_linux_function_app, azurerm_windows_function_app, azurerm_app_service, azurerm_function_app]
#   controls: [DAT-2.3]
#   frameworks:
#     cis-azure-foundations-3.0: ["9.4"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Keep the default or require TLS 1.2 explicitly:
#       resource "azurerm_linux_web_app" "portal" {
#         # ...
#         site_config {
#           minimum_tls_version     = "1.2"
#           scm_minimum_tls_version = "1.2"
#         }
#       }
package rungs.azure.appservice.min_tls

import rego.v1

import data.rungs.lib
import data.rungs.lib.azure

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
	some sc in lib.blocks(app, "site_config")
	some key in ["minimum_tls_version", "scm_minimum_tls_version"]
	# Absent: "1.2".
	v := azure.get(sc, key, "1.2")
	azure.one_of(v, {"1.0", "1.1"})
	finding := lib.finding(app, sprintf("site_config.%s is %v: clients may connect with TLS older than 1.2", [key, v]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["azurerm_linux_web_app", "azurerm_windows_web_app", "azurerm_linux_function_app", "azurerm_windows_function_app", "azurerm_app_service", "azurerm_function_app"], ["site_config"])
}
