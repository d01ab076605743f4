# METADATA
# title: CloudFormation instances do not get public IP addresses
# description: >-
#   No network interface of an AWS::EC2::Instance or of an
#   AWS::EC2::LaunchTemplate sets AssociatePublicIpAddress to true: workloads
#   are reached through load balancers or private networks.
# custom:
#   id: RUNGS-CFN-EC2-004
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::EC2::Instance", "AWS::EC2::LaunchTemplate"]
#   controls: [WKL-2.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Leave the public address off and reach the instance through a load balancer:
#       NetworkInterfaces:
#         - DeviceIndex: "0"
#           AssociatePublicIpAddress: false
package rungs.aws.cloudformation.ec2_no_public_ip

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::EC2::Instance", "AWS::EC2::LaunchTemplate"]

interfaces(r) := cfn.at(r, ["NetworkInterfaces"], []) if r.type == "AWS::EC2::Instance"

interfaces(r) := cfn.at(r, ["LaunchTemplateData", "NetworkInterfaces"], []) if r.type == "AWS::EC2::LaunchTemplate"

# "pass" when the interface asks for no public address (absent: the subnet decides,
# judged by RUNGS-CFN-EC2-005).
interface(i) := "unknown" if lib.is_unknown(i)

interface(i) := lib.tri_in(object.get(i, "AssociatePublicIpAddress", false), {false, "false"}) if is_object(i)

state(r) := "unknown" if lib.is_unknown(interfaces(r))

state(r) := lib.all_of([interface(i) | some i in interfaces(r)]) if is_array(interfaces(r))

deny contains lib.finding(r, "Instance network interface gets a public IP address (AssociatePublicIpAddress)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "NetworkInterfaces is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
