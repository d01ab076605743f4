# METADATA
# title: CloudFormation RDS databases have deletion protection
# description: >-
#   Every AWS::RDS::DBCluster, and every AWS::RDS::DBInstance outside a cluster
#   that is not a read replica, sets DeletionProtection to true (the default is
#   false).
# custom:
#   id: RUNGS-CFN-RDS-004
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
#   controls: [DAT-3.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Turn deletion protection on:
#       Properties:
#         DeletionProtection: true
package rungs.aws.cloudformation.rds_deletion_protection

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

verdict(r) := lib.tri_true(lib.attr(r, "DeletionProtection", false))

deny contains lib.finding(r, "RDS database has no deletion protection (DeletionProtection)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "DeletionProtection is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
