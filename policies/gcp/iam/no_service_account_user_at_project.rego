# METADATA
# title: People are not granted Service Account User or Token Creator on a whole project
# description: >-
#   No project, folder or organization IAM grant gives a user, group or domain
#   roles/iam.serviceAccountUser or roles/iam.serviceAccountTokenCreator. At
#   that level the role lets them act as every service account of every project
#   below, with all of those accounts' permissions. Grant it on the individual
#   service account instead (google_service_account_iam_member).
# custom:
#   id: RUNGS-GCP-IAM-004
#   severity: high
#   kind: resource
#   resource_types: [google_project_iam_binding, google_project_iam_member, google_project_iam_policy, google_folder_iam_binding, google_folder_iam_member, google_folder_iam_policy, google_organization_iam_binding, google_organization_iam_member, google_organization_iam_policy]
#   controls: [IAM-3.2]
#   frameworks:
#     cis-gcp-foundations-3.0: ["1.6"]
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Grant the role on the one service account that is needed:
#       resource "google_service_account_iam_member" "deployers" {
#         service_account_id = google_service_account.runtime.name
#         role               = "roles/iam.serviceAccountUser"
#         member             = "group:deployers@example.com"
#       }
package rungs.gcp.iam.no_service_account_user_at_project

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

impersonation_roles := {"roles/iam.serviceAccountUser", "roles/iam.serviceAccountTokenCreator"}

deny contains finding if {
	some t in gcp.iam_types(["google_project", "google_folder", "google_organization"])
	some r in lib.resources(t)
	some g in gcp.grants(r)
	g.role in impersonation_roles
	gcp.is_human_member(g.member)
	finding := lib.finding(r, sprintf("%s is granted to %s on every service account below this level", [g.role, g.member]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in gcp.unjudged_grants(["google_project_iam_binding", "google_project_iam_member", "google_project_iam_policy", "google_folder_iam_binding", "google_folder_iam_member", "google_folder_iam_policy", "google_organization_iam_binding", "google_organization_iam_member", "google_organization_iam_policy"])
}
