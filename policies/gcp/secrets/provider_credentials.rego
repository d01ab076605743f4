# METADATA
# title: No Google credentials are written in provider blocks
# description: >-
#   No google or google-beta provider block of a root module sets access_token
#   to a value written in the code, or credentials to the contents of a service
#   account key (JSON holding a private_key) rather than a path to a key file.
#   A key in code is a long-lived credential readable by anyone who can read
#   the repository; use Application Default Credentials, Workload Identity
#   Federation or service account impersonation instead. Values unknown at scan
#   time (file(...), variables without a value) come from outside the code and
#   pass. Findings name the argument, never the value.
# custom:
#   id: RUNGS-GCP-SECRETS-001
#   severity: critical
#   kind: resource
#   resource_types: [provider.google, provider.google-beta]
#   controls: [IAM-3.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Remove the key, delete it from the service account, and impersonate:
#       provider "google" {
#         project                     = "acme-prod"
#         impersonate_service_account = "terraform@acme-admin.iam.gserviceaccount.com"
#       }
package rungs.gcp.secrets.provider_credentials

import rego.v1

import data.rungs.lib

blocks := array.concat(lib.provider_blocks("google"), lib.provider_blocks("google-beta"))

# A key file's contents; a path to the file is not the secret itself.
credential(p, "credentials") if {
	v := object.get(p.config, "credentials", null)
	lib.written_credential(v)
	contains(v, "private_key")
}

credential(p, "access_token") if lib.written_credential(object.get(p.config, "access_token", null))

deny contains finding if {
	some p in blocks
	some k in ["credentials", "access_token"]
	credential(p, k)
	finding := lib.provider_finding(p, sprintf("Argument %s holds a Google credential written in the code (value not shown)", [k]))
}
