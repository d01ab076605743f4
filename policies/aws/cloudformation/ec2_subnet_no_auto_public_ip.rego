# METADATA
# title: CloudFormation subnets do not assign public IP addresses automatically
# description: >-
#   No AWS::EC2::Subnet sets MapPublicIpOnLaunch to true, which gives every
#   instance launched in it a public address.
# custom:
#   id: RUNGS-CFN-EC2-005
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::EC2::Subnet"]
#   controls: [WKL-2.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Leave automatic public addresses off (the default):
#       Properties:
#         MapPublicIpOnLaunch: false
package rungs.aws.cloudformation.ec2_subnet_no_auto_public_ip

import rego.v1

import data.rungs.lib

types := ["AWS::EC2::Subnet"]

state(r) := lib.tri_in(lib.attr(r, "MapPublicIpOnLaunch", false), {false, "false"})

deny contains lib.finding(r, "Subnet assigns public IP addresses on launch (MapPublicIpOnLaunch)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "MapPublicIpOnLaunch is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
