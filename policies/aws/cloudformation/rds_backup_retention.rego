# METADATA
# title: CloudFormation RDS backups are kept at least 7 days
# description: >-
#   Every AWS::RDS::DBCluster, and every AWS::RDS::DBInstance outside a cluster
#   that is not a read replica, sets BackupRetentionPeriod to 7 days or more (the
#   default is 1).
# custom:
#   id: RUNGS-CFN-RDS-003
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
#   controls: [DAT-2.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Keep automated backups at least a week:
#       Properties:
#         BackupRetentionPeriod: 14
package rungs.aws.cloudformation.rds_backup_retention

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

verdict(r) := lib.tri_min(lib.attr(r, "BackupRetentionPeriod", 1), 7)

deny contains lib.finding(r, "RDS automated backups are kept less than 7 days (BackupRetentionPeriod)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "BackupRetentionPeriod is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
