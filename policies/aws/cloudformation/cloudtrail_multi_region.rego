# METADATA
# title: CloudFormation CloudTrail trails cover every region
# description: >-
#   Every AWS::CloudTrail::Trail of a CloudFormation template sets
#   IsMultiRegionTrail to true, so activity in regions nobody watches is
#   recorded too.
# custom:
#   id: RUNGS-CFN-CLOUDTRAIL-001
#   severity: high
#   kind: resource
#   resource_types: ["AWS::CloudTrail::Trail"]
#   controls: [LOG-1.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.1"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Record every region:
#       Properties:
#         IsMultiRegionTrail: true
package rungs.aws.cloudformation.cloudtrail_multi_region

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

deny contains finding if {
	some r in lib.resources("AWS::CloudTrail::Trail")
	not cfn.enabled(r, "IsMultiRegionTrail")
	not cfn.undecided(r, "IsMultiRegionTrail")
	finding := lib.finding(r, "CloudTrail trail records one region only (IsMultiRegionTrail)")
}

unknown contains finding if {
	some r in lib.resources("AWS::CloudTrail::Trail")
	cfn.undecided(r, "IsMultiRegionTrail")
	finding := lib.finding(r, "IsMultiRegionTrail is unknown at scan time")
}
