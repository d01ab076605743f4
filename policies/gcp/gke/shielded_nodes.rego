# METADATA
# title: GKE clusters keep Shielded GKE Nodes on
# description: >-
#   No google_container_cluster sets enable_shielded_nodes = false. Shielded
#   GKE Nodes give nodes a verifiable identity and boot integrity, so that an
#   attacker who steals the node bootstrap credentials the metadata server
#   serves (through a compromised pod or a forged request) cannot use them to
#   impersonate a node. The provider default is true.
# custom:
#   id: RUNGS-GCP-GKE-006
#   severity: medium
#   kind: resource
#   resource_types: [google_container_cluster]
#   controls: [WKL-2.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Remove the argument (or set it to true):
#       resource "google_container_cluster" "main" {
#         # ...
#         enable_shielded_nodes = true
#       }
package rungs.gcp.gke.shielded_nodes

import rego.v1

import data.rungs.lib

deny contains finding if {
	some c in lib.resources("google_container_cluster")
	lib.falsy(lib.attr(c, "enable_shielded_nodes", true))
	finding := lib.finding(c, "Shielded GKE Nodes are turned off")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_container_cluster"], ["enable_shielded_nodes"])
}
