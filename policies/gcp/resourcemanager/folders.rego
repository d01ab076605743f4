# METADATA
# title: Projects are grouped into folders
# description: >-
#   At least one google_folder is declared, so that projects are grouped by
#   environment or business unit and organization policies, IAM and log sinks
#   can be applied per group rather than per project.
# custom:
#   id: RUNGS-GCP-RESOURCEMANAGER-001
#   severity: low
#   kind: presence
#   resource_types: [google_folder]
#   controls: [ORG-3.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-05"]
#   remediation: |
#     Create folders under the organization and place projects in them:
#       resource "google_folder" "prod" {
#         display_name = "prod"
#         parent       = "organizations/123456789012"
#       }
#       resource "google_project" "app" {
#         # ...
#         folder_id = google_folder.prod.name
#       }
package rungs.gcp.resourcemanager.folders

import rego.v1

import data.rungs.lib

present if lib.has_resource("google_folder")
