# METADATA
# title: DynamoDB tables have deletion protection
# description: >-
#   DynamoDB tables set deletion_protection_enabled = true, so that a mistaken
#   destroy or API call cannot delete the table and its data. The provider
#   default is false.
# custom:
#   id: RUNGS-AWS-DYNAMODB-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_dynamodb_table]
#   controls: [DAT-3.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Turn deletion protection on:
#       resource "aws_dynamodb_table" "orders" {
#         # ...
#         deletion_protection_enabled = true
#       }
package rungs.aws.dynamodb.deletion_protection

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_dynamodb_table"]

path := ["deletion_protection_enabled"]

# The provider default for deletion_protection_enabled is false: a missing argument is a finding.
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
	finding := lib.finding(r, "DynamoDB table has no deletion protection (deletion_protection_enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "deletion_protection_enabled is unknown at scan time")
}
