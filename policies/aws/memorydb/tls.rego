# METADATA
# title: MemoryDB clusters require TLS
# description: >-
#   MemoryDB clusters keep tls_enabled = true (the provider default), so that
#   clients connect over TLS.
# custom:
#   id: RUNGS-AWS-MEMORYDB-001
#   severity: high
#   kind: resource
#   resource_types: [aws_memorydb_cluster]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Keep TLS on (the default):
#       resource "aws_memorydb_cluster" "sessions" {
#         # ...
#         tls_enabled = true
#       }
package rungs.aws.memorydb.tls

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_memorydb_cluster"]

path := ["tls_enabled"]

# The provider default for tls_enabled is true: a missing argument passes.
value(r) := checks.setting(r, path, true)

good(v) if lib.truthy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "MemoryDB cluster accepts connections without TLS (tls_enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "tls_enabled is unknown at scan time")
}
