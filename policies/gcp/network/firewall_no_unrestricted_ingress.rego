# METADATA
# title: No VPC firewall rule admits all traffic from the internet
# description: >-
#   No enabled ingress google_compute_firewall rule allows every port from
#   0.0.0.0/0 or ::/0: protocol "all", a tcp/udp/sctp allow block without
#   ports, or a range covering 1-65535. Internet-facing rules should open only
#   the ports a service needs.
# custom:
#   id: RUNGS-GCP-NETWORK-002
#   severity: high
#   kind: resource
#   resource_types: [google_compute_firewall]
#   controls: [NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Open only the service port:
#       resource "google_compute_firewall" "https" {
#         name          = "allow-https"
#         network       = google_compute_network.main.id
#         source_ranges = ["0.0.0.0/0"]
#         target_tags   = ["web"]
#         allow {
#           protocol = "tcp"
#           ports    = ["443"]
#         }
#       }
package rungs.gcp.network.firewall_no_unrestricted_ingress

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

name(p) := lower(p) if is_string(p)

name(p) := sprintf("%v", [p]) if not is_string(p)

deny contains finding if {
	some fw in lib.resources("google_compute_firewall")
	gcp.active_ingress(fw)
	open := gcp.open_sources(fw)
	count(open) > 0
	protocols := {name(object.get(a, "protocol", "")) |
		some a in lib.blocks(fw, "allow")
		gcp.allow_reaches_all_ports(a)
	}
	count(protocols) > 0
	finding := lib.finding(fw, sprintf("Ingress from %s is allowed on every port (%s)", [concat(", ", sort(open)), concat(", ", sort(protocols))]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_compute_firewall"], ["allow", "direction", "disabled"])
}
