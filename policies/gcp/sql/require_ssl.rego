# METADATA
# title: Cloud SQL instances accept only encrypted connections
# description: >-
#   Every google_sql_database_instance refuses unencrypted connections:
#   ip_configuration.ssl_mode is ENCRYPTED_ONLY or
#   TRUSTED_CLIENT_CERTIFICATE_REQUIRED (or, with provider v5, the deprecated
#   require_ssl = true). The default, ALLOW_UNENCRYPTED_AND_ENCRYPTED, lets
#   clients send credentials and data in clear text.
# custom:
#   id: RUNGS-GCP-SQL-002
#   severity: medium
#   kind: resource
#   resource_types: [google_sql_database_instance]
#   controls: [DAT-2.3]
#   frameworks:
#     cis-gcp-foundations-3.0: ["6.4"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Require TLS on every connection:
#       resource "google_sql_database_instance" "main" {
#         # ...
#         settings {
#           tier = "db-custom-2-7680"
#           ip_configuration {
#             ipv4_enabled    = false
#             private_network = google_compute_network.main.id
#             ssl_mode        = "ENCRYPTED_ONLY"
#           }
#         }
#       }
package rungs.gcp.sql.require_ssl

import rego.v1

import data.rungs.lib
import data.rungs.lib.gcp

secure_modes := {"ENCRYPTED_ONLY", "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}

# An ip_configuration that requires TLS, or may (unknown values).
encrypted(ipc) if gcp.get(ipc, "ssl_mode", null) in secure_modes

encrypted(ipc) if lib.is_unknown(gcp.get(ipc, "ssl_mode", null))

encrypted(ipc) if {
	gcp.get(ipc, "ssl_mode", null) == null
	not lib.falsy(gcp.get(ipc, "require_ssl", false))
}

# Without ip_configuration the instance takes the defaults (unencrypted allowed).
deny contains finding if {
	some db in lib.resources("google_sql_database_instance")
	some s in lib.blocks(db, "settings")
	count(lib.sub_blocks(s, "ip_configuration")) == 0
	not lib.is_unknown(object.get(s, "ip_configuration", null))
	finding := lib.finding(db, "Unencrypted connections are allowed (no ip_configuration: ssl_mode defaults to ALLOW_UNENCRYPTED_AND_ENCRYPTED)")
}

deny contains finding if {
	some db in lib.resources("google_sql_database_instance")
	some ipc in gcp.nested(db, "settings", "ip_configuration")
	not encrypted(ipc)
	finding := lib.finding(db, "Unencrypted connections are allowed (ssl_mode is not ENCRYPTED_ONLY or TRUSTED_CLIENT_CERTIFICATE_REQUIRED)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["google_sql_database_instance"], ["settings", "ip_configuration", "ssl_mode", "require_ssl"])
}
