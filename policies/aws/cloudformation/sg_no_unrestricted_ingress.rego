# METADATA
# title: CloudFormation security groups do not admit all traffic from the internet
# description: >-
#   No ingress rule of an AWS::EC2::SecurityGroup, nor an
#   AWS::EC2::SecurityGroupIngress, allows every protocol (IpProtocol -1) from
#   0.0.0.0/0 or ::/0.
# custom:
#   id: RUNGS-CFN-EC2-006
#   severity: high
#   kind: resource
#   resource_types: ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"]
#   controls: [NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Admit only the ports the service needs:
#       SecurityGroupIngress:
#         - IpProtocol: tcp
#           FromPort: 443
#           ToPort: 443
#           CidrIp: 0.0.0.0/0
package rungs.aws.cloudformation.sg_no_unrestricted_ingress

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::EC2::SecurityGroup", "AWS::EC2::SecurityGroupIngress"]

# "pass" when the rule admits every protocol.
reach(rule) := "unknown" if lib.is_unknown(rule)

reach(rule) := lib.tri_in(object.get(rule, "IpProtocol", ""), {-1, "-1"}) if is_object(rule)

rule_states(r) := ["unknown"] if cfn.ingress_unknown(r)

rule_states(r) := [negate_exposed(rule) | some rule in cfn.ingress_rules(r)] if not cfn.ingress_unknown(r)

negate_exposed(rule) := cfn.negate(lib.all_of([cfn.from_internet(rule), reach(rule)]))

state(r) := lib.all_of(rule_states(r))

deny contains lib.finding(r, "Security group admits all traffic (IpProtocol -1) from the internet") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "an ingress rule depends on values unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
