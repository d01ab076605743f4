# METADATA
# title: No organization, folder, project or service account IAM grant goes to allUsers or allAuthenticatedUsers
# description: >-
#   No IAM binding, member or policy on the organization, a folder, a project
#   or a service account grants a role to allUsers (anyone) or
#   allAuthenticatedUsers (any Google account). Such a grant opens every
#   resource below it, or lets anyone act as the service account.
# custom:
#   id: RUNGS-GCP-IAM-002
#   severity: critical
#   kind: resource
#   resource_types: [google_project_iam_binding, google_project_iam_member, google_project_iam_policy, google_folder_iam_binding, google_folder_iam_member, google_folder_iam_policy, google_organization_iam_binding, google_organization_iam_member, google_organization_iam_policy, google_service_account_iam_binding, google_service_account_iam_member, google_service_account_iam_policy]
#   controls: [IAM-2.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Name the principals that need the role:
#       resource "google_service_account_iam_member" "deployer" {
#         service_account_id = google_service_account.runtime.name
#         role               = "roles/iam.serviceAccountUser"
#         member             = "serviceAccount:${google_service_account.deployer.email}"
#       }
package rungs.gcp.iam.no_public_principals

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

scopes := ["google_project", "google_folder", "google_organization", "google_service_account"]

deny contains finding if {
	some t in gcp.iam_types(scopes)
	some r in lib.resources(t)
	some g in gcp.grants(r)
	gcp.is_public_member(g.member)
	finding := lib.finding(r, sprintf("Role %s is granted to %s", [g.role, g.member]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in gcp.unjudged_grants(["google_project_iam_binding", "google_project_iam_member", "google_project_iam_policy", "google_folder_iam_binding", "google_folder_iam_member", "google_folder_iam_policy", "google_organization_iam_binding", "google_organization_iam_member", "google_organization_iam_policy", "google_service_account_iam_binding", "google_service_account_iam_member", "google_service_account_iam_policy"])
}
