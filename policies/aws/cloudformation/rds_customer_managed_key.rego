# METADATA
# title: CloudFormation RDS databases are encrypted with a customer-managed key
# description: >-
#   Every AWS::RDS::DBCluster, and every AWS::RDS::DBInstance outside a cluster
#   that is not a read replica, names a KMS key (KmsKeyId), so the key policy and
#   rotation are the estate's own.
# custom:
#   id: RUNGS-CFN-RDS-006
#   severity: low
#   kind: resource
#   resource_types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
#   controls: [DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt with a key of the template:
#       Properties:
#         StorageEncrypted: true
#         KmsKeyId: !Ref DataKey
package rungs.aws.cloudformation.rds_customer_managed_key

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

verdict(r) := cfn.tri_set(lib.attr(r, "KmsKeyId", null))

deny contains lib.finding(r, "RDS database is not encrypted with a customer-managed KMS key (KmsKeyId)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "KmsKeyId is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
