# METADATA
# title: CloudFormation launch templates require IMDSv2
# description: >-
#   Every AWS::EC2::LaunchTemplate sets MetadataOptions.HttpTokens to required
#   (session tokens, IMDSv2), or turns the metadata endpoint off. The default,
#   optional, lets a server-side request forgery read instance credentials.
#   AWS::EC2::Instance has no metadata option of its own: instances take it from
#   a launch template.
# custom:
#   id: RUNGS-CFN-EC2-003
#   severity: high
#   kind: resource
#   resource_types: ["AWS::EC2::LaunchTemplate"]
#   controls: [WKL-2.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["5.7"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Require session tokens in the launch template:
#       LaunchTemplateData:
#         MetadataOptions:
#           HttpTokens: required
#           HttpEndpoint: enabled
package rungs.aws.cloudformation.ec2_imdsv2

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::EC2::LaunchTemplate"]

state(r) := lib.any_of([
	lib.tri_in(cfn.at(r, ["LaunchTemplateData", "MetadataOptions", "HttpTokens"], "optional"), {"required"}),
	lib.tri_in(cfn.at(r, ["LaunchTemplateData", "MetadataOptions", "HttpEndpoint"], "enabled"), {"disabled"}),
])

deny contains lib.finding(r, "Launch template does not require IMDSv2 (MetadataOptions.HttpTokens: required)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "MetadataOptions is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
