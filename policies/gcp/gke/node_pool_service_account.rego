# METADATA
# title: GKE node pools run as a dedicated service account
# description: >-
#   GKE node pools set node_config.service_account to a dedicated, minimally
#   privileged service account. Without it (or with "default") nodes run as the
#   Compute Engine default service account, which holds the Editor role on the
#   project in many organisations.
# custom:
#   id: RUNGS-GCP-GKE-010
#   severity: medium
#   kind: resource
#   resource_types: [google_container_node_pool]
#   controls: [IAM-3.2]
#   frameworks:
#     csa-ccm-v4: ["IAM-05"]
#   remediation: |
#     Give the nodes their own service account (roles/container.defaultNodeServiceAccount):
#       resource "google_container_node_pool" "workers" {
#         # ...
#         node_config {
#           service_account = google_service_account.gke_nodes.email
#           oauth_scopes    = ["https://www.googleapis.com/auth/cloud-platform"]
#         }
#       }
package rungs.gcp.gke.node_pool_service_account

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["google_container_node_pool"]

path := ["node_config", "service_account"]

# Without the argument nodes run as the Compute Engine default service account: a finding.
value(r) := checks.setting(r, path, "default")

good(v) if {
	lib.is_nonempty_string(v)
	v != "default"
}

good(v) if checks.resource_reference(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided_blocks(r, path)

# A variable or a module output may be null.
undecided(r) if {
	v := value(r)
	lib.is_unknown(v)
	not checks.resource_reference(v)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Node pool runs as the Compute Engine default service account (node_config.service_account)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "node_config.service_account is unknown at scan time")
}
