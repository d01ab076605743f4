# METADATA
# title: IAM sharing is restricted to the organization's domains
# description: >-
#   The iam.allowedPolicyMemberDomains list constraint (domain restricted
#   sharing) is set at the organization or a folder, so that IAM policies
#   anywhere below can only name identities of the organization's own Cloud
#   Identity or Workspace customers: no external account, no allUsers.
# custom:
#   id: RUNGS-GCP-ORGPOLICY-004
#   severity: medium
#   kind: presence
#   resource_types: [google_org_policy_policy, google_organization_policy, google_folder_organization_policy]
#   controls: [IAM-4.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Allow only the organization's customer id:
#       resource "google_org_policy_policy" "domain_restricted_sharing" {
#         name   = "organizations/123456789012/policies/iam.allowedPolicyMemberDomains"
#         parent = "organizations/123456789012"
#         spec {
#           rules {
#             values {
#               allowed_values = ["C0abc1234"]
#             }
#           }
#         }
#       }
package rungs.gcp.orgpolicy.domain_restricted_sharing

import rego.v1

import data.rungs.lib.gcp

present if gcp.constraint_enforced_centrally("iam.allowedPolicyMemberDomains")
