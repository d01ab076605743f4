# METADATA
# title: Microsoft Purview discovers and classifies sensitive data
# description: >-
#   The estate declares a Microsoft Purview account, the Azure service that
#   scans data stores and classifies the sensitive data it finds.
# custom:
#   id: RUNGS-AZURE-PURVIEW-001
#   severity: low
#   kind: presence
#   resource_types: [azurerm_purview_account]
#   controls: [DAT-4.2]
#   frameworks:
#     csa-ccm-v4: ["DSP-03", "DSP-04"]
#   remediation: |
#     Declare a Purview account (and register the data sources to scan):
#       resource "azurerm_purview_account" "governance" {
#         name                = "pview-acme"
#         resource_group_name = azurerm_resource_group.governance.name
#         location            = "westeurope"
#         identity {
#           type = "SystemAssigned"
#         }
#       }
package rungs.azure.purview.account

import rego.v1

import data.rungs.lib

present if lib.has_resource("azurerm_purview_account")
