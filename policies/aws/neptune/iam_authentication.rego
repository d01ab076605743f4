# METADATA
# title: Neptune clusters authenticate with IAM
# description: >-
#   Neptune clusters set iam_database_authentication_enabled = true, so that
#   callers sign requests with IAM credentials instead of reaching the graph
#   unauthenticated from inside the VPC. The provider default is false.
# custom:
#   id: RUNGS-AWS-NEPTUNE-004
#   severity: medium
#   kind: resource
#   resource_types: [aws_neptune_cluster]
#   controls: [IAM-2.3]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Turn IAM authentication on and grant neptune-db:* actions to the callers' roles:
#       resource "aws_neptune_cluster" "graph" {
#         # ...
#         iam_database_authentication_enabled = true
#       }
package rungs.aws.neptune.iam_authentication

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_neptune_cluster"]

path := ["iam_database_authentication_enabled"]

# The provider default for iam_database_authentication_enabled is false: a missing argument is a finding.
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
	finding := lib.finding(r, "Neptune cluster does not require IAM authentication (iam_database_authentication_enabled)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "iam_database_authentication_enabled is unknown at scan time")
}
