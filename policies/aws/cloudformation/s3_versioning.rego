# METADATA
# title: CloudFormation S3 buckets have versioning enabled
# description: >-
#   Every AWS::S3::Bucket sets VersioningConfiguration.Status to Enabled, so
#   overwritten and deleted objects can be recovered.
# custom:
#   id: RUNGS-CFN-S3-003
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::S3::Bucket"]
#   controls: [DAT-2.2]
#   frameworks:
#     csa-ccm-v4: ["BCR-08"]
#   remediation: |
#     Enable versioning on the bucket:
#       Properties:
#         VersioningConfiguration:
#           Status: Enabled
package rungs.aws.cloudformation.s3_versioning

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::S3::Bucket"]

state(r) := lib.tri_in(cfn.at(r, ["VersioningConfiguration", "Status"], "Off"), {"Enabled"})

deny contains lib.finding(r, "S3 bucket versioning is not enabled (VersioningConfiguration.Status)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "VersioningConfiguration is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
