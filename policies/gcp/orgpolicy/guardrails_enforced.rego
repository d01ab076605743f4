# METADATA
# title: Organization policy guardrails are enforced on the organization or folders
# description: >-
#   At least one organization policy (google_org_policy_policy with an
#   organizations/ or folders/ parent, google_organization_policy or
#   google_folder_organization_policy) enforces or restricts a constraint, so
#   that preventive guardrails such as iam.disableServiceAccountKeyCreation or
#   compute.requireOsLogin bind every project below, whatever its owners do.
# custom:
#   id: RUNGS-GCP-ORGPOLICY-001
#   severity: medium
#   kind: presence
#   resource_types: [google_org_policy_policy, google_organization_policy, google_folder_organization_policy]
#   controls: [ORG-4.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Enforce guardrails at the organization, for example:
#       resource "google_org_policy_policy" "disable_sa_keys" {
#         name   = "organizations/123456789012/policies/iam.disableServiceAccountKeyCreation"
#         parent = "organizations/123456789012"
#         spec {
#           rules {
#             enforce = "TRUE"
#           }
#         }
#       }
package rungs.gcp.orgpolicy.guardrails_enforced

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

present if {
	some t in data.rungs.lib.gcp.org_policy_types
	some p in lib.resources(t)
	gcp.org_or_folder_level(p)
	gcp.enforces(p)
}
