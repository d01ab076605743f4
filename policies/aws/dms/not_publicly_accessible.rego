# METADATA
# title: DMS replication instances are not publicly accessible
# description: >-
#   Database Migration Service replication instances keep publicly_accessible =
#   false (the provider default): a public replication instance exposes the
#   credentials and data of both databases it connects.
# custom:
#   id: RUNGS-AWS-DMS-001
#   severity: high
#   kind: resource
#   resource_types: [aws_dms_replication_instance]
#   controls: [DAT-1.2]
#   frameworks:
#     checkov: ["CKV_AWS_89"]
#     csa-ccm-v4: ["IVS-03", "DSP-17"]
#   remediation: |
#     Keep the instance private:
#       resource "aws_dms_replication_instance" "migration" {
#         # ...
#         publicly_accessible = false
#       }
package rungs.aws.dms.not_publicly_accessible

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_dms_replication_instance"]

path := ["publicly_accessible"]

# The provider default for publicly_accessible is false: a missing argument passes.
value(r) := checks.setting(r, path, false)

good(v) if lib.falsy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "DMS replication instance is publicly accessible (publicly_accessible)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "publicly_accessible is unknown at scan time")
}
