# METADATA
# title: Neptune instances are not publicly accessible
# description: >-
#   Neptune cluster instances keep publicly_accessible = false (the provider
#   default), so that the graph is reachable only from the VPC.
# custom:
#   id: RUNGS-AWS-NEPTUNE-007
#   severity: high
#   kind: resource
#   resource_types: [aws_neptune_cluster_instance]
#   controls: [DAT-1.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03", "DSP-17"]
#   remediation: |
#     Keep the instance private:
#       resource "aws_neptune_cluster_instance" "graph" {
#         # ...
#         publicly_accessible = false
#       }
package rungs.aws.neptune.instance_not_public

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_neptune_cluster_instance"]

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
	finding := lib.finding(r, "Neptune instance is publicly accessible (publicly_accessible)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "publicly_accessible is unknown at scan time")
}
