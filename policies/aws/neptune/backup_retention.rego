# METADATA
# title: Neptune clusters keep backups for at least 7 days
# description: >-
#   Neptune clusters set backup_retention_period to 7 days or more, so that a
#   bad change or a deletion found a few days late can still be undone. The
#   provider default is 1 day.
# custom:
#   id: RUNGS-AWS-NEPTUNE-005
#   severity: medium
#   kind: resource
#   resource_types: [aws_neptune_cluster]
#   controls: [DAT-2.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Keep at least a week of backups:
#       resource "aws_neptune_cluster" "main" {
#         # ...
#         backup_retention_period = 7
#       }
package rungs.aws.neptune.backup_retention

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_neptune_cluster"]

path := ["backup_retention_period"]

# The provider default is 1 day: a missing argument is a finding.
value(r) := checks.setting(r, path, 1)

good(v) if lib.to_num(v) >= 7

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Neptune cluster keeps backups for less than 7 days (backup_retention_period)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "backup_retention_period is unknown at scan time")
}
