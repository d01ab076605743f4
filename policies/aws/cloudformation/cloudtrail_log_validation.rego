# METADATA
# title: CloudFormation CloudTrail trails validate their log files
# description: >-
#   Every AWS::CloudTrail::Trail of a CloudFormation template sets
#   EnableLogFileValidation to true, so tampering with delivered logs can be
#   detected.
# custom:
#   id: RUNGS-CFN-CLOUDTRAIL-002
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::CloudTrail::Trail"]
#   controls: [LOG-2.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.2"]
#     csa-ccm-v4: ["LOG-09"]
#   remediation: |
#     Turn on log file integrity validation:
#       Properties:
#         EnableLogFileValidation: true
package rungs.aws.cloudformation.cloudtrail_log_validation

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

deny contains finding if {
	some r in lib.resources("AWS::CloudTrail::Trail")
	not cfn.enabled(r, "EnableLogFileValidation")
	not cfn.undecided(r, "EnableLogFileValidation")
	finding := lib.finding(r, "CloudTrail log file validation is off (EnableLogFileValidation)")
}

unknown contains finding if {
	some r in lib.resources("AWS::CloudTrail::Trail")
	cfn.undecided(r, "EnableLogFileValidation")
	finding := lib.finding(r, "EnableLogFileValidation is unknown at scan time")
}
