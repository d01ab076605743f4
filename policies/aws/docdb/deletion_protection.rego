# METADATA
# title: DocumentDB clusters have deletion protection
# description: >-
#   DocumentDB clusters set deletion_protection = true, so that a mistaken
#   destroy or an API call cannot delete the data. The provider default is
#   false.
# custom:
#   id: RUNGS-AWS-DOCDB-005
#   severity: medium
#   kind: resource
#   resource_types: [aws_docdb_cluster]
#   controls: [DAT-3.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Turn deletion protection on:
#       resource "aws_docdb_cluster" "main" {
#         # ...
#         deletion_protection = true
#       }
package rungs.aws.docdb.deletion_protection

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_docdb_cluster"]

path := ["deletion_protection"]

# The provider default for deletion_protection is false: a missing argument is a finding.
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
	finding := lib.finding(r, "DocumentDB cluster has no deletion protection (deletion_protection)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "deletion_protection is unknown at scan time")
}
