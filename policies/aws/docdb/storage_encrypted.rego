# METADATA
# title: DocumentDB clusters are encrypted at rest
# description: >-
#   Every DocumentDB cluster sets storage_encrypted = true. The provider default
#   is false, and encryption can only be chosen when the cluster is created.
# custom:
#   id: RUNGS-AWS-DOCDB-001
#   severity: high
#   kind: resource
#   resource_types: [aws_docdb_cluster]
#   controls: [DAT-2.1]
#   frameworks:
#     checkov: ["CKV_AWS_74"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the cluster (only possible at creation):
#       resource "aws_docdb_cluster" "docs" {
#         # ...
#         storage_encrypted = true
#         kms_key_id        = aws_kms_key.docdb.arn
#       }
package rungs.aws.docdb.storage_encrypted

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_docdb_cluster"]

path := ["storage_encrypted"]

# The provider default for storage_encrypted is false: a missing argument is a finding.
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
	finding := lib.finding(r, "DocumentDB cluster storage is not encrypted (storage_encrypted)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "storage_encrypted is unknown at scan time")
}
