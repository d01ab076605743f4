# METADATA
# title: DocumentDB clusters export audit logs
# description: >-
#   DocumentDB clusters list "audit" in enabled_cloudwatch_logs_exports, so that
#   authentication and data definition events reach CloudWatch Logs (the cluster
#   parameter group must also set audit_logs = enabled).
# custom:
#   id: RUNGS-AWS-DOCDB-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_docdb_cluster]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Export the audit log:
#       resource "aws_docdb_cluster" "docs" {
#         # ...
#         enabled_cloudwatch_logs_exports = ["audit", "profiler"]
#       }
package rungs.aws.docdb.audit_log_export

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_docdb_cluster"]

path := ["enabled_cloudwatch_logs_exports"]

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
	finding := lib.finding(r, "DocumentDB cluster does not export its audit log (enabled_cloudwatch_logs_exports)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "enabled_cloudwatch_logs_exports is unknown at scan time")
}
