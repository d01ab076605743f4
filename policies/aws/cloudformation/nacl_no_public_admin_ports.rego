# METADATA
# title: CloudFormation network ACLs do not open SSH or RDP to the internet
# description: >-
#   No inbound AWS::EC2::NetworkAclEntry allows 0.0.0.0/0 or ::/0 to reach port 22
#   or 3389 (every protocol, or TCP with a PortRange covering them).
# custom:
#   id: RUNGS-CFN-EC2-008
#   severity: high
#   kind: resource
#   resource_types: ["AWS::EC2::NetworkAclEntry"]
#   controls: [NET-1.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["5.2"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Allow administration from a known range only:
#       Properties:
#         RuleAction: allow
#         Protocol: 6
#         CidrBlock: 10.0.0.0/8
#         PortRange: {From: 22, To: 22}
package rungs.aws.cloudformation.nacl_no_public_admin_ports

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::EC2::NetworkAclEntry"]

admin_ports := [22, 3389]

protocol(r) := lib.attr(r, "Protocol", "")

ports_unknown(r) if lib.is_unknown(protocol(r))

ports_unknown(r) if {
	some k in ["From", "To"]
	lib.is_unknown(cfn.at(r, ["PortRange", k], null))
}

reaches_admin(r) if protocol(r) in {-1, "-1"}

reaches_admin(r) if {
	protocol(r) in {6, "6"}
	from := lib.to_num(cfn.at(r, ["PortRange", "From"], null))
	to := lib.to_num(cfn.at(r, ["PortRange", "To"], null))
	some p in admin_ports
	from <= p
	p <= to
}

reach(r) := "unknown" if ports_unknown(r)

reach(r) := "pass" if {
	not ports_unknown(r)
	reaches_admin(r)
}

reach(r) := "fail" if {
	not ports_unknown(r)
	not reaches_admin(r)
}

internet(r) := lib.any_of([
	lib.tri_in(lib.attr(r, "CidrBlock", ""), cfn.internet_cidrs),
	lib.tri_in(lib.attr(r, "Ipv6CidrBlock", ""), cfn.internet_cidrs),
])

exposed(r) := lib.all_of([
	lib.tri_in(lib.attr(r, "Egress", false), {false, "false"}),
	lib.tri_in(lib.attr(r, "RuleAction", ""), {"allow"}),
	internet(r),
	reach(r),
])

state(r) := cfn.negate(exposed(r))

deny contains lib.finding(r, "Network ACL entry allows SSH or RDP from the internet") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "the entry depends on values unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
