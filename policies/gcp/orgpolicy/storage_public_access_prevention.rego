# METADATA
# title: Public access prevention is enforced by organization policy
# description: >-
#   The storage.publicAccessPrevention constraint is enforced at the
#   organization or a folder, so that no bucket of any project below can be
#   shared with allUsers or allAuthenticatedUsers, whatever its own settings.
# custom:
#   id: RUNGS-GCP-ORGPOLICY-002
#   severity: medium
#   kind: presence
#   resource_types: [google_org_policy_policy, google_organization_policy, google_folder_organization_policy]
#   controls: [DAT-4.1]
#   frameworks:
#     cis-gcp-foundations-3.0: ["5.1"]
#     csa-ccm-v4: ["DSP-17"]
#   remediation: |
#     Enforce the constraint at the organization:
#       resource "google_org_policy_policy" "public_access_prevention" {
#         name   = "organizations/123456789012/policies/storage.publicAccessPrevention"
#         parent = "organizations/123456789012"
#         spec {
#           rules {
#             enforce = "TRUE"
#           }
#         }
#       }
package rungs.gcp.orgpolicy.storage_public_access_prevention

import rego.v1

import data.rungs.lib.gcp

present if gcp.constraint_enforced_centrally("storage.publicAccessPrevention")
