# METADATA
# title: GKE clusters use Workload Identity
# description: >-
#   Every google_container_cluster enables Workload Identity
#   (workload_identity_config.workload_pool, always on in Autopilot). Pods then
#   act as their own IAM identities through the GKE metadata server, which also
#   hides the node's service account credentials and metadata from them,
#   instead of sharing the node's credentials or needing service account keys.
# custom:
#   id: RUNGS-GCP-GKE-005
#   severity: medium
#   kind: resource
#   resource_types: [google_container_cluster]
#   controls: [IAM-3.1, WKL-2.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Enable the project's workload pool:
#       resource "google_container_cluster" "main" {
#         # ...
#         workload_identity_config {
#           workload_pool = "acme-prod.svc.id.goog"
#         }
#       }
package rungs.gcp.gke.workload_identity

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

enabled(c) if {
	some w in lib.blocks(c, "workload_identity_config")
	lib.is_set(gcp.get(w, "workload_pool", null))
}

enabled(c) if lib.is_unknown(lib.attr(c, "workload_identity_config", null))

enabled(c) if not lib.falsy(lib.attr(c, "enable_autopilot", false))

deny contains finding if {
	some c in lib.resources("google_container_cluster")
	not enabled(c)
	finding := lib.finding(c, "Workload Identity is not enabled: pods use the node's service account")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_container_cluster"], ["workload_identity_config", "enable_autopilot"])
}
