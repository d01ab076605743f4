# METADATA
# title: CloudFormation RDS instances are not publicly accessible
# description: >-
#   No AWS::RDS::DBInstance of a CloudFormation template sets
#   PubliclyAccessible to true, which gives it an address reachable from the
#   internet.
# custom:
#   id: RUNGS-CFN-RDS-002
#   severity: critical
#   kind: resource
#   resource_types: ["AWS::RDS::DBInstance"]
#   controls: [DAT-1.2, NET-3.2]
#   frameworks:
#     cis-aws-foundations-5.0: ["2.2.3"]
#     csa-ccm-v4: ["IVS-03", "DSP-17"]
#   remediation: |
#     Keep the database private and reach it from inside the VPC:
#       Properties:
#         PubliclyAccessible: false
package rungs.aws.cloudformation.rds_not_public

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

deny contains finding if {
	some r in lib.resources("AWS::RDS::DBInstance")
	cfn.enabled(r, "PubliclyAccessible")
	finding := lib.finding(r, "RDS instance is publicly accessible (PubliclyAccessible: true)")
}

unknown contains finding if {
	some r in lib.resources("AWS::RDS::DBInstance")
	cfn.undecided(r, "PubliclyAccessible")
	finding := lib.finding(r, "PubliclyAccessible is unknown at scan time")
}
