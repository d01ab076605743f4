# METADATA
# title: Project, folder and organization roles are granted to groups, not to individual users
# description: >-
#   No project, folder or organization IAM grant names an individual user
#   (user: principal). Granting roles to groups keeps access reviewable and
#   lets joiners and leavers be handled in the identity provider instead of in
#   every IAM policy. Service accounts are workloads and are not judged here.
# custom:
#   id: RUNGS-GCP-IAM-006
#   severity: low
#   kind: resource
#   resource_types: [google_project_iam_binding, google_project_iam_member, google_project_iam_policy, google_folder_iam_binding, google_folder_iam_member, google_folder_iam_policy, google_organization_iam_binding, google_organization_iam_member, google_organization_iam_policy]
#   controls: [IAM-2.2]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Put the person in a group and grant the role to the group:
#       resource "google_project_iam_member" "data_engineers" {
#         project = "acme-prod"
#         role    = "roles/bigquery.dataEditor"
#         member  = "group:data-engineers@example.com"
#       }
package rungs.gcp.iam.no_user_grants

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

deny contains finding if {
	some t in gcp.iam_types(["google_project", "google_folder", "google_organization"])
	some r in lib.resources(t)
	some g in gcp.grants(r)
	startswith(trim_space(g.member), "user:")
	finding := lib.finding(r, sprintf("%s is granted to the individual user %s; grant it to a group", [g.role, g.member]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in gcp.unjudged_grants(["google_project_iam_binding", "google_project_iam_member", "google_project_iam_policy", "google_folder_iam_binding", "google_folder_iam_member", "google_folder_iam_policy", "google_organization_iam_binding", "google_organization_iam_member", "google_organization_iam_policy"])
}
