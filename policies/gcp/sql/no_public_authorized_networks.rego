# METADATA
# title: Cloud SQL instances do not accept connections from the whole internet
# description: >-
#   No google_sql_database_instance with a public IPv4 address (ipv4_enabled,
#   true by default) lists 0.0.0.0/0 among its authorized networks. That entry
#   lets any address on the internet reach the database port. Use private IP,
#   the Cloud SQL Auth Proxy or connectors, or name the client ranges.
# custom:
#   id: RUNGS-GCP-SQL-001
#   severity: critical
#   kind: resource
#   resource_types: [google_sql_database_instance]
#   controls: [DAT-1.2, NET-3.2]
#   frameworks:
#     cis-gcp-foundations-3.0: ["6.5"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Prefer private IP only:
#       resource "google_sql_database_instance" "main" {
#         # ...
#         settings {
#           tier = "db-custom-2-7680"
#           ip_configuration {
#             ipv4_enabled    = false
#             private_network = google_compute_network.main.id
#           }
#         }
#       }
package rungs.gcp.sql.no_public_authorized_networks

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

# ipv4_enabled defaults to true: the instance gets a public IP address.
public_ip(ipc) if lib.truthy(gcp.get(ipc, "ipv4_enabled", true))

deny contains finding if {
	some db in lib.resources("google_sql_database_instance")
	some ipc in gcp.nested(db, "settings", "ip_configuration")
	public_ip(ipc)
	open := {trim_space(v) |
		some n in lib.sub_blocks(ipc, "authorized_networks")
		v := object.get(n, "value", null)
		lib.is_open_cidr(v)
	}
	count(open) > 0
	finding := lib.finding(db, sprintf("Public IP accepts connections from %s (authorized network)", [concat(", ", sort(open))]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_sql_database_instance"], ["authorized_networks", "value", "ipv4_enabled", "settings", "ip_configuration"])
}
