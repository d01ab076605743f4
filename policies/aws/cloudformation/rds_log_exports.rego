# METADATA
# title: CloudFormation RDS databases export their logs to CloudWatch Logs
# description: >-
#   Every AWS::RDS::DBCluster, and every AWS::RDS::DBInstance outside a cluster
#   that is not a read replica, lists at least one log type in
#   EnableCloudwatchLogsExports.
# custom:
#   id: RUNGS-CFN-RDS-007
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Export the engine's logs:
#       Properties:
#         EnableCloudwatchLogsExports: [postgresql, upgrade]
package rungs.aws.cloudformation.rds_log_exports

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]

# Members of a cluster take these settings from the cluster, and read replicas from
# their source: neither is judged here. An instance whose cluster or source is unknown
# (a parameter that may be empty) is not judged either, and never passed.
member(r) if {
	r.type == "AWS::RDS::DBInstance"
	some k in ["DBClusterIdentifier", "SourceDBInstanceIdentifier"]
	cfn.tri_set(lib.attr(r, k, null)) == "pass"
}

maybe_member(r) if {
	r.type == "AWS::RDS::DBInstance"
	not member(r)
	some k in ["DBClusterIdentifier", "SourceDBInstanceIdentifier"]
	cfn.tri_set(lib.attr(r, k, null)) == "unknown"
}

state(r) := "unknown" if maybe_member(r)

state(r) := verdict(r) if {
	not member(r)
	not maybe_member(r)
}

verdict(r) := cfn.tri_set(lib.attr(r, "EnableCloudwatchLogsExports", []))

deny contains lib.finding(r, "RDS database exports no logs to CloudWatch Logs (EnableCloudwatchLogsExports)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "EnableCloudwatchLogsExports is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
