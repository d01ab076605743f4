# METADATA
# title: MSK clusters accept TLS connections only
# description: >-
#   MSK clusters keep encryption_info.encryption_in_transit.client_broker at TLS
#   (the provider default), so that producers and consumers cannot connect in
#   clear text (PLAINTEXT or TLS_PLAINTEXT).
# custom:
#   id: RUNGS-AWS-MSK-001
#   severity: high
#   kind: resource
#   resource_types: [aws_msk_cluster]
#   controls: [DAT-2.3]
#   frameworks:
#     checkov: ["CKV_AWS_81"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Require TLS between clients and brokers (the default):
#       resource "aws_msk_cluster" "events" {
#         # ...
#         encryption_info {
#           encryption_in_transit {
#             client_broker = "TLS"
#             in_cluster    = true
#           }
#         }
#       }
package rungs.aws.msk.client_tls

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_msk_cluster"]

path := ["encryption_info", "encryption_in_transit", "client_broker"]

# The provider default for client_broker is TLS: a missing argument passes.
value(r) := checks.setting(r, path, "TLS")

good(v) if v == "TLS"

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "MSK cluster accepts plaintext client connections (encryption_in_transit.client_broker)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "encryption_info.encryption_in_transit.client_broker is unknown at scan time")
}
