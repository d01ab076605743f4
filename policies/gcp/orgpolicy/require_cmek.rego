# METADATA
# title: Customer-managed encryption keys are required by organization policy
# description: >-
#   The gcp.restrictNonCmekServices list constraint is set at the
#   organization or a folder, so that the listed services (Compute Engine disks,
#   Cloud Storage, BigQuery, Cloud SQL, ...) cannot create resources without a
#   customer-managed Cloud KMS key anywhere below.
# custom:
#   id: RUNGS-GCP-ORGPOLICY-005
#   severity: low
#   kind: presence
#   resource_types: [google_org_policy_policy, google_organization_policy, google_folder_organization_policy]
#   controls: [WKL-4.1]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Deny non-CMEK resources for the services that hold data:
#       resource "google_org_policy_policy" "require_cmek" {
#         name   = "organizations/123456789012/policies/gcp.restrictNonCmekServices"
#         parent = "organizations/123456789012"
#         spec {
#           rules {
#             values {
#               denied_values = ["compute.googleapis.com", "storage.googleapis.com", "bigquery.googleapis.com", "sqladmin.googleapis.com"]
#             }
#           }
#         }
#       }
package rungs.gcp.orgpolicy.require_cmek

import rego.v1

import data.rungs.lib.gcp

present if gcp.constraint_enforced_centrally("gcp.restrictNonCmekServices")
