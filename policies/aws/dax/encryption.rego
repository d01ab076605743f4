# METADATA
# title: DAX clusters are encrypted at rest
# description: >-
#   DynamoDB Accelerator clusters set server_side_encryption { enabled = true }.
#   The provider default is off, and it can only be chosen when the cluster is
#   created.
# custom:
#   id: RUNGS-AWS-DAX-001
#   severity: high
#   kind: resource
#   resource_types: [aws_dax_cluster]
#   controls: [DAT-2.1]
#   frameworks:
#     checkov: ["CKV_AWS_47"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the cluster (only possible at creation):
#       resource "aws_dax_cluster" "cache" {
#         # ...
#         server_side_encryption {
#           enabled = true
#         }
#       }
package rungs.aws.dax.encryption

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_dax_cluster"]

path := ["server_side_encryption", "enabled"]

# Encryption is off when the block or its argument is missing.
value(r) := checks.setting(r, path, false)

good(v) if lib.truthy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "DAX cluster is not encrypted at rest (server_side_encryption.enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "server_side_encryption.enabled is unknown at scan time")
}
