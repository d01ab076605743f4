# METADATA
# title: No basic Owner or Editor role is granted to people at project, folder or organization level
# description: >-
#   No google_project/folder/organization IAM binding, member or authoritative
#   policy grants the basic roles roles/owner or roles/editor to a user, a
#   group or a whole domain. Basic roles span every service of every project
#   below the grant; people should receive predefined or custom roles scoped to
#   their job. Policies given as policy_data are read whether written with
#   jsonencode or through a data.google_iam_policy.
# custom:
#   id: RUNGS-GCP-IAM-001
#   severity: high
#   kind: resource
#   resource_types: [google_project_iam_binding, google_project_iam_member, google_project_iam_policy, google_folder_iam_binding, google_folder_iam_member, google_folder_iam_policy, google_organization_iam_binding, google_organization_iam_member, google_organization_iam_policy]
#   controls: [IAM-1.2]
#   frameworks:
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Grant predefined roles for the job instead of Owner or Editor:
#       resource "google_project_iam_member" "platform_team" {
#         project = "acme-prod"
#         role    = "roles/container.admin"
#         member  = "group:platform@example.com"
#       }
package rungs.gcp.iam.no_primitive_roles

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

primitive_roles := {"roles/owner", "roles/editor"}

iam_types := gcp.iam_types(["google_project", "google_folder", "google_organization"])

deny contains finding if {
	some t in iam_types
	some r in lib.resources(t)
	some g in gcp.grants(r)
	g.role in primitive_roles
	gcp.is_human_member(g.member)
	finding := lib.finding(r, sprintf("Basic role %s is granted to %s", [g.role, g.member]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in gcp.unjudged_grants(["google_project_iam_binding", "google_project_iam_member", "google_project_iam_policy", "google_folder_iam_binding", "google_folder_iam_member", "google_folder_iam_policy", "google_organization_iam_binding", "google_organization_iam_member", "google_organization_iam_policy"])
}
