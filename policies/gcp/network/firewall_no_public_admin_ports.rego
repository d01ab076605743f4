# METADATA
# title: No VPC firewall rule opens SSH or RDP to the internet
# description: >-
#   No enabled ingress google_compute_firewall rule allows traffic from
#   0.0.0.0/0 or ::/0 to the remote administration ports 22 (SSH) or 3389
#   (RDP), whether the port is listed ("22"), inside a range ("20-30"), or
#   implied by a protocol without ports or protocol "all". Administrators reach
#   instances through Identity-Aware Proxy (35.235.240.0/20) or a VPN instead.
# custom:
#   id: RUNGS-GCP-NETWORK-001
#   severity: critical
#   kind: resource
#   resource_types: [google_compute_firewall]
#   controls: [NET-1.1]
#   frameworks:
#     cis-gcp-foundations-3.0: ["3.6", "3.7"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Allow SSH only from the Identity-Aware Proxy range (or a VPN range):
#       resource "google_compute_firewall" "iap_ssh" {
#         name          = "allow-ssh-from-iap"
#         network       = google_compute_network.main.id
#         direction     = "INGRESS"
#         source_ranges = ["35.235.240.0/20"]
#         allow {
#           protocol = "tcp"
#           ports    = ["22"]
#         }
#       }
package rungs.gcp.network.firewall_no_public_admin_ports

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

deny contains finding if {
	some fw in lib.resources("google_compute_firewall")
	gcp.active_ingress(fw)
	open := gcp.open_sources(fw)
	count(open) > 0
	ports := {p |
		some p in data.rungs.lib.admin_ports
		some a in lib.blocks(fw, "allow")
		gcp.allow_reaches_port(a, p)
	}
	count(ports) > 0
	finding := lib.finding(fw, sprintf("Ingress from %s is allowed to remote administration port(s) %v", [concat(", ", sort(open)), sort(ports)]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_compute_firewall"], ["allow", "direction", "disabled"])
}
