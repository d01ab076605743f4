# METADATA
# title: GKE control planes are not reachable from the whole internet
# description: >-
#   Every google_container_cluster either uses only its private endpoint
#   (private_cluster_config.enable_private_endpoint, or the IP endpoint
#   disabled in control_plane_endpoints_config) or restricts its public
#   endpoint with master authorized networks that do not include 0.0.0.0/0.
#   Without either, the Kubernetes API accepts connections from any address.
# custom:
#   id: RUNGS-GCP-GKE-001
#   severity: high
#   kind: resource
#   resource_types: [google_container_cluster]
#   controls: [WKL-3.2, NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Use the private endpoint, or authorize only known ranges:
#       resource "google_container_cluster" "main" {
#         # ...
#         private_cluster_config {
#           enable_private_nodes    = true
#           enable_private_endpoint = true
#           master_ipv4_cidr_block  = "172.16.0.32/28"
#         }
#         master_authorized_networks_config {
#           cidr_blocks {
#             cidr_block   = "10.0.0.0/8"
#             display_name = "internal"
#           }
#         }
#       }
package rungs.gcp.gke.control_plane_not_public

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

# Only the private endpoint is used (or may be: unknown values).
private_only(c) if {
	some pcc in lib.blocks(c, "private_cluster_config")
	not lib.falsy(gcp.get(pcc, "enable_private_endpoint", false))
}

private_only(c) if lib.is_unknown(lib.attr(c, "private_cluster_config", null))

private_only(c) if {
	some cpe in lib.blocks(c, "control_plane_endpoints_config")
	some ip in lib.sub_blocks(cpe, "ip_endpoints_config")
	not lib.truthy(gcp.get(ip, "enabled", true))
}

# Master authorized networks are configured (or may be).
authorized_networks(c) if count(lib.blocks(c, "master_authorized_networks_config")) > 0

authorized_networks(c) if lib.is_unknown(lib.attr(c, "master_authorized_networks_config", null))

deny contains finding if {
	some c in lib.resources("google_container_cluster")
	not private_only(c)
	not authorized_networks(c)
	finding := lib.finding(c, "Public control plane endpoint without master authorized networks: the API accepts any address")
}

deny contains finding if {
	some c in lib.resources("google_container_cluster")
	not private_only(c)
	some man in lib.blocks(c, "master_authorized_networks_config")
	some cb in lib.sub_blocks(man, "cidr_blocks")
	lib.is_open_cidr(object.get(cb, "cidr_block", null))
	finding := lib.finding(c, sprintf("Master authorized networks include %s", [trim_space(cb.cidr_block)]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_container_cluster"], ["private_cluster_config", "master_authorized_networks_config", "control_plane_endpoints_config", "ip_endpoints_config", "cidr_blocks", "cidr_block", "enable_private_endpoint", "enabled"])
}
