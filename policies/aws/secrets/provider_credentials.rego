# METADATA
# title: No AWS credentials are written in provider blocks
# description: >-
#   No aws provider block of a root module sets access_key, secret_key or token
#   to a value written in the code (a literal, or a variable default, tfvars or
#   local that holds one). Keys in code are long-lived credentials readable by
#   anyone who can read the repository; use a role, SSO profile or environment
#   credentials instead. Values unknown at scan time come from outside the code
#   and pass. Findings name the argument, never the value.
# custom:
#   id: RUNGS-AWS-SECRETS-003
#   severity: critical
#   kind: resource
#   resource_types: [provider.aws]
#   controls: [IAM-3.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#     checkov: ["CKV_AWS_41"]
#   remediation: |
#     Remove the keys, deactivate them in IAM, and let the provider find its
#     credentials (environment, shared config/SSO profile, or a role):
#       provider "aws" {
#         region = "eu-west-1"
#         assume_role {
#           role_arn = "arn:aws:iam::111122223333:role/terraform"
#         }
#       }
package rungs.aws.secrets.provider_credentials

import rego.v1

import data.rungs.lib

deny contains finding if {
	some p in lib.provider_blocks("aws")
	some k in ["access_key", "secret_key", "token"]
	lib.written_credential(object.get(p.config, k, null))
	finding := lib.provider_finding(p, sprintf("Argument %s holds an AWS credential written in the code (value not shown)", [k]))
}
