# METADATA
# title: Projects are created inside the organization hierarchy
# description: >-
#   At least one google_project is created with an explicit parent (org_id or
#   folder_id), so that projects are governed as code under the organization
#   resource and inherit its organization policies, IAM and log sinks. Without
#   a parent a project lands wherever the credentials of the run belong, or
#   outside any organization.
# custom:
#   id: RUNGS-GCP-RESOURCEMANAGER-002
#   severity: low
#   kind: presence
#   resource_types: [google_project]
#   controls: [ORG-2.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-06"]
#   remediation: |
#     Name the parent of every project:
#       resource "google_project" "app" {
#         name                = "acme-app-prod"
#         project_id          = "acme-app-prod"
#         folder_id           = google_folder.prod.name
#         billing_account     = var.billing_account
#         auto_create_network = false
#       }
package rungs.gcp.resourcemanager.projects_in_organization

import rego.v1

import data.rungs.lib

present if {
	some p in lib.resources("google_project")
	some key in ["org_id", "folder_id"]
	v := lib.attr(p, key, null)
	lib.is_set(v)
}
