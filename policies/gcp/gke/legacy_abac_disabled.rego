# METADATA
# title: GKE legacy ABAC authorization is disabled
# description: >-
#   No google_container_cluster sets enable_legacy_abac = true. Legacy
#   attribute-based access control grants broad, static permissions outside
#   Kubernetes RBAC and IAM, for example to every service account of the
#   cluster. The provider default is false.
# custom:
#   id: RUNGS-GCP-GKE-003
#   severity: high
#   kind: resource
#   resource_types: [google_container_cluster]
#   controls: [IAM-3.2]
#   frameworks:
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Remove the argument (or set it to false) and grant access with RBAC and IAM:
#       resource "google_container_cluster" "main" {
#         # ...
#         enable_legacy_abac = false
#       }
package rungs.gcp.gke.legacy_abac_disabled

import rego.v1

import data.rungs.lib

deny contains finding if {
	some c in lib.resources("google_container_cluster")
	lib.truthy(lib.attr(c, "enable_legacy_abac", false))
	finding := lib.finding(c, "Legacy ABAC authorization is enabled")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_container_cluster"], ["enable_legacy_abac"])
}
