# METADATA
# title: Artifact Analysis scans container images on push
# description: >-
#   The estate enables the Container Scanning API
#   (containerscanning.googleapis.com) on a project, so that images pushed to
#   Artifact Registry are scanned for vulnerabilities automatically.
# custom:
#   id: RUNGS-GCP-ARTIFACTREGISTRY-001
#   severity: low
#   kind: presence
#   resource_types: [google_project_service]
#   controls: [VUL-2.1]
#   frameworks:
#     csa-ccm-v4: ["TVM-07"]
#   remediation: |
#     Enable the API on the projects that host registries:
#       resource "google_project_service" "container_scanning" {
#         project = google_project.artifacts.project_id
#         service = "containerscanning.googleapis.com"
#       }
package rungs.gcp.artifactregistry.container_scanning

import rego.v1

import data.rungs.lib

# An unknown service name counts in favour of presence.
present if {
	some s in lib.resources("google_project_service")
	lib.attr(s, "service", "") == "containerscanning.googleapis.com"
}

present if {
	some s in lib.resources("google_project_service")
	lib.is_unknown(lib.attr(s, "service", null))
}
