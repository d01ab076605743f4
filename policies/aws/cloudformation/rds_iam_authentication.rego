# METADATA
# title: CloudFormation RDS databases accept IAM database authentication
# description: >-
#   Every AWS::RDS::DBCluster, and every AWS::RDS::DBInstance outside a cluster
#   that is not a read replica, of an engine that supports it (MySQL, MariaDB,
#   PostgreSQL, Aurora) sets EnableIAMDatabaseAuthentication to true.
# custom:
#   id: RUNGS-CFN-RDS-005
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
#   controls: [IAM-2.3]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Accept IAM tokens instead of long-lived database passwords:
#       Properties:
#         EnableIAMDatabaseAuthentication: true
package rungs.aws.cloudformation.rds_iam_authentication

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

engine(r) := lib.attr(r, "Engine", "")

supported(r) if {
	some prefix in ["mysql", "mariadb", "postgres", "aurora"]
	startswith(lower(engine(r)), prefix)
}

verdict(r) := "unknown" if lib.is_unknown(engine(r))

verdict(r) := lib.tri_true(lib.attr(r, "EnableIAMDatabaseAuthentication", false)) if supported(r)

deny contains lib.finding(r, "RDS IAM database authentication is not enabled (EnableIAMDatabaseAuthentication)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "Engine or EnableIAMDatabaseAuthentication is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
