# METADATA
# title: GKE node pools do not expose the node metadata server to pods
# description: >-
#   GKE node pools do not set node_config.workload_metadata_config.mode =
#   "GCE_METADATA", which lets every pod read the node's metadata server and its
#   service account token. Without the block the pool follows the cluster's
#   Workload Identity setting (judged by RUNGS-GCP-GKE-005).
# custom:
#   id: RUNGS-GCP-GKE-009
#   severity: high
#   kind: resource
#   resource_types: [google_container_node_pool]
#   controls: [WKL-2.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Serve pods the GKE metadata server (Workload Identity):
#       resource "google_container_node_pool" "workers" {
#         # ...
#         node_config {
#           workload_metadata_config {
#             mode = "GKE_METADATA"
#           }
#         }
#       }
package rungs.gcp.gke.node_pool_metadata

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["google_container_node_pool"]

path := ["node_config", "workload_metadata_config", "mode"]

# Without the block the pool follows the cluster (judged by RUNGS-GCP-GKE-005): it passes here.
value(r) := checks.setting(r, path, "INHERITED")

good(v) if v != "GCE_METADATA"

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Node pool exposes the node metadata server to pods (workload_metadata_config.mode = GCE_METADATA)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "node_config.workload_metadata_config.mode is unknown at scan time")
}
