# METADATA
# title: Compute instances have no external IP address
# description: >-
#   No google_compute_instance or instance template gives a network interface
#   an access_config (external IPv4) or an ipv6_access_config (external IPv6).
#   Instances reach the internet through Cloud NAT and are reached through load
#   balancers or Identity-Aware Proxy, so that the firewall is not their only
#   protection.
# custom:
#   id: RUNGS-GCP-COMPUTE-001
#   severity: medium
#   kind: resource
#   resource_types: [google_compute_instance, google_compute_instance_template, google_compute_region_instance_template]
#   controls: [WKL-2.2]
#   frameworks:
#     cis-gcp-foundations-3.0: ["4.9"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Remove the access_config block (use Cloud NAT for egress, a load balancer
#     or IAP TCP forwarding for ingress):
#       resource "google_compute_instance" "app" {
#         # ...
#         network_interface {
#           subnetwork = google_compute_subnetwork.app.id
#         }
#       }
package rungs.gcp.compute.no_public_ip

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

types := ["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"]

# The external address blocks of a network interface.
external(nic) := {kind |
	some kind in ["access_config", "ipv6_access_config"]
	some b in lib.sub_blocks(nic, kind)
	not gcp.maybe_absent(b)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	kinds := {k | some nic in lib.blocks(r, "network_interface"); some k in external(nic)}
	count(kinds) > 0
	finding := lib.finding(r, sprintf("Network interface with %s: the instance gets an external IP address", [concat(" and ", sort(kinds))]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template"], ["network_interface"])
}
