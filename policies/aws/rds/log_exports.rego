# METADATA
# title: RDS databases export their logs to CloudWatch Logs
# description: >-
#   RDS DB instances and Aurora clusters list at least one log type in
#   enabled_cloudwatch_logs_exports (audit, error, general, postgresql, ...), so
#   that database activity and errors can be investigated. Nothing is exported
#   by default. Aurora Serverless v1 clusters cannot export logs and are not
#   judged.
# custom:
#   id: RUNGS-AWS-RDS-007
#   severity: medium
#   kind: resource
#   resource_types: [aws_db_instance, aws_rds_cluster]
#   controls: [LOG-2.3]
#   frameworks:
#     checkov: ["CKV_AWS_129"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Export the engine's logs:
#       resource "aws_db_instance" "app" {
#         # ...
#         enabled_cloudwatch_logs_exports = ["postgresql", "upgrade"]
#       }
package rungs.aws.rds.log_exports

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_db_instance", "aws_rds_cluster"]

path := ["enabled_cloudwatch_logs_exports"]

# No log is exported by default: a missing argument is a finding.
value(r) := checks.setting(r, path, [])

good(v) if {
	is_array(v)
	count(v) > 0
}

# Aurora Serverless v1 cannot export logs.
applies(r) if lib.attr(r, "engine_mode", "provisioned") != "serverless"

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "RDS database exports no logs (enabled_cloudwatch_logs_exports)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	undecided(r)
	finding := lib.finding(r, "enabled_cloudwatch_logs_exports is unknown at scan time")
}
