# METADATA
# title: CloudFormation security groups do not open SSH or RDP to the internet
# description: >-
#   No ingress rule of an AWS::EC2::SecurityGroup (SecurityGroupIngress) or an
#   AWS::EC2::SecurityGroupIngress resource allows 0.0.0.0/0 or ::/0 to reach
#   port 22 or 3389.
# custom:
#   id: RUNGS-CFN-EC2-001
#   severity: critical
#   kind: resource
#   resource_types: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"]
#   controls: [NET-1.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["5.3", "5.4"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Allow administration only from a known range (a VPN or bastion), or use
#     SSM Session Manager instead of SSH:
#       SecurityGroupIngress:
#         - IpProtocol: tcp
#           FromPort: 22
#           ToPort: 22
#           CidrIp: 10.0.0.0/8
package rungs.aws.cloudformation.sg_no_public_admin_ports

import rego.v1

import data.rungs.lib

admin_ports := [22, 3389]

internet := {"0.0.0.0/0", "::/0"}

rules(r) := rs if {
	r.type == "AWS::EC2::SecurityGroup"
	rs := lib.attr(r, "SecurityGroupIngress", [])
	is_array(rs)
}

rules(r) := [lib.config(r)] if r.type == "AWS::EC2::SecurityGroupIngress"

all_protocols(rule) if lib.to_num(object.get(rule, "IpProtocol", "")) == -1

all_protocols(rule) if object.get(rule, "IpProtocol", "") == "-1"

# IpProtocol may be a number (-1, 6): lower() on it is an error that aborts the whole deny set.
tcp(rule) if lower(sprintf("%v", [object.get(rule, "IpProtocol", "")])) == "tcp"

tcp(rule) if lib.to_num(object.get(rule, "IpProtocol", "")) == 6

from_internet(rule) if object.get(rule, "CidrIp", "") in internet

from_internet(rule) if object.get(rule, "CidrIpv6", "") in internet

reaches(rule, _) if all_protocols(rule)

reaches(rule, p) if {
	tcp(rule)
	from := lib.to_num(object.get(rule, "FromPort", null))
	to := lib.to_num(object.get(rule, "ToPort", null))
	from <= p
	p <= to
}

open_ports(rule) := [p | some p in admin_ports; reaches(rule, p)]

undecided_rule(rule) if {
	some k in ["IpProtocol", "FromPort", "ToPort", "CidrIp", "CidrIpv6"]
	lib.is_unknown(object.get(rule, k, ""))
}

deny contains finding if {
	some t in ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"]
	some r in lib.resources(t)
	some rule in rules(r)
	is_object(rule)
	from_internet(rule)
	count(open_ports(rule)) > 0
	finding := lib.finding(r, sprintf("Ingress from the internet reaches remote administration port(s) %v", [open_ports(rule)]))
}

unknown contains finding if {
	some t in ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"]
	some r in lib.resources(t)
	some rule in rules(r)
	is_object(rule)
	undecided_rule(rule)
	finding := lib.finding(r, "an ingress rule depends on values unknown at scan time")
}

unknown contains finding if {
	some r in lib.resources("AWS::EC2::SecurityGroup")
	lib.is_unknown(lib.attr(r, "SecurityGroupIngress", []))
	finding := lib.finding(r, "SecurityGroupIngress is unknown at scan time")
}
