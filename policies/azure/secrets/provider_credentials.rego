# METADATA
# title: No Azure credentials are written in provider blocks
# description: >-
#   No azurerm provider block of a root module sets client_secret,
#   client_certificate, client_certificate_password or oidc_token to a value
#   written in the code (a literal, or a variable default, tfvars or local that
#   holds one). A service principal secret in code is a long-lived credential
#   readable by anyone who can read the repository; use a managed identity,
#   OIDC federation or environment variables instead. Values unknown at scan
#   time come from outside the code and pass. Findings name the argument, never
#   the value.
# custom:
#   id: RUNGS-AZURE-SECRETS-001
#   severity: critical
#   kind: resource
#   resource_types: [provider.azurerm]
#   controls: [IAM-3.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Remove the secret, rotate it in Entra ID, and authenticate without one:
#       provider "azurerm" {
#         features {}
#         use_oidc = true # or use_msi = true on an Azure-hosted runner
#       }
package rungs.azure.secrets.provider_credentials

import rego.v1

import data.rungs.lib

deny contains finding if {
	some p in lib.provider_blocks("azurerm")
	some k in ["client_secret", "client_certificate", "client_certificate_password", "oidc_token"]
	lib.written_credential(object.get(p.config, k, null))
	finding := lib.provider_finding(p, sprintf("Argument %s holds an Azure credential written in the code (value not shown)", [k]))
}
