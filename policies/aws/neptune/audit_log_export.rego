# METADATA
# title: Neptune clusters export audit logs
# description: >-
#   Neptune clusters list "audit" in enable_cloudwatch_logs_exports, so that
#   queries against the graph reach CloudWatch Logs (the cluster parameter group
#   must also set neptune_enable_audit_log = 1).
# custom:
#   id: RUNGS-AWS-NEPTUNE-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_neptune_cluster]
#   controls: [LOG-2.3]
#   frameworks:
#     checkov: ["CKV_AWS_101"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Export the audit log:
#       resource "aws_neptune_cluster" "graph" {
#         # ...
#         enable_cloudwatch_logs_exports = ["audit"]
#       }
package rungs.aws.neptune.audit_log_export

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_neptune_cluster"]

path := ["enable_cloudwatch_logs_exports"]

# No log is exported by default: a missing argument is a finding.
value(r) := checks.setting(r, path, [])

good(v) if {
	is_array(v)
	"audit" in v
}

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

# An unknown element may be "audit".
undecided(r) if checks.has_unknown_item(value(r))

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Neptune cluster does not export its audit log (enable_cloudwatch_logs_exports)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "enable_cloudwatch_logs_exports is unknown at scan time")
}
