# METADATA
# title: CloudFormation RDS databases are encrypted at rest
# description: >-
#   Every AWS::RDS::DBInstance and AWS::RDS::DBCluster of a CloudFormation
#   template sets StorageEncrypted to true (it defaults to false). Instances
#   of a cluster and read replicas take their encryption from their source
#   and are not judged.
# custom:
#   id: RUNGS-CFN-RDS-001
#   severity: high
#   kind: resource
#   resource_types: ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
#   controls: [DAT-2.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["2.2.1"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt the storage (this replaces an existing database):
#       Properties:
#         StorageEncrypted: true
#         KmsKeyId: !Ref DataKey
package rungs.aws.cloudformation.rds_storage_encrypted

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

inherits(r) if lib.attr(r, "DBClusterIdentifier", null) != null

inherits(r) if lib.attr(r, "SourceDBInstanceIdentifier", null) != null

inherits(r) if lib.attr(r, "SourceDBClusterIdentifier", null) != null

inherits(r) if lib.attr(r, "SnapshotIdentifier", null) != null

deny contains finding if {
	some t in ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
	some r in lib.resources(t)
	not inherits(r)
	not cfn.enabled(r, "StorageEncrypted")
	not cfn.undecided(r, "StorageEncrypted")
	finding := lib.finding(r, "RDS storage is not encrypted (StorageEncrypted)")
}

unknown contains finding if {
	some t in ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
	some r in lib.resources(t)
	not inherits(r)
	cfn.undecided(r, "StorageEncrypted")
	finding := lib.finding(r, "StorageEncrypted is unknown at scan time")
}

source_keys := ["DBClusterIdentifier", "SourceDBInstanceIdentifier", "SourceDBClusterIdentifier", "SnapshotIdentifier"]

# Inherits for sure: a known source, or a Ref/GetAtt to a resource of the
# template. A parameter without value or an undecided Fn::If may be empty.
surely_inherits(r) if {
	some key in source_keys
	v := lib.attr(r, key, null)
	v != null
	not lib.is_unknown(v)
}

surely_inherits(r) if {
	some key in source_keys
	v := lib.attr(r, key, null)
	lib.is_unknown(v)
	some x in input.resources
	some ref in [sprintf("${%s}", [x.name]), sprintf("${%s.", [x.name])]
	startswith(v, ref)
}

unknown contains finding if {
	some t in ["AWS::RDS::DBInstance", "AWS::RDS::DBCluster"]
	some r in lib.resources(t)
	inherits(r)
	not surely_inherits(r)
	not cfn.enabled(r, "StorageEncrypted")
	finding := lib.finding(r, "whether the database inherits its encryption (cluster, replica or snapshot source) is unknown at scan time")
}
