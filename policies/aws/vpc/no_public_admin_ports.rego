# METADATA
# title: No security group opens SSH or RDP to the internet
# description: >-
#   No security group rule allows ingress from 0.0.0.0/0 or ::/0 to the remote
#   administration ports 22 (SSH) and 3389 (RDP), whether the rule is an inline
#   ingress block, an aws_security_group_rule or an
#   aws_vpc_security_group_ingress_rule. Rules for all protocols count.
# custom:
#   id: RUNGS-AWS-VPC-001
#   severity: critical
#   kind: resource
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   controls: [NET-1.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["5.3", "5.4"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Restrict the source to a trusted range (or use SSM Session Manager and no
#     inbound rule at all):
#       resource "aws_vpc_security_group_ingress_rule" "ssh" {
#         security_group_id = aws_security_group.bastion.id
#         description       = "SSH from the corporate VPN"
#         ip_protocol       = "tcp"
#         from_port         = 22
#         to_port           = 22
#         cidr_ipv4         = "10.20.0.0/16"
#       }
package rungs.aws.vpc.no_public_admin_ports

import rego.v1

import data.rungs.lib

deny contains finding if {
	some rule in data.rungs.lib.sg_ingress_rules
	open := lib.open_cidrs_of(rule)
	count(open) > 0
	ports := {p | some p in data.rungs.lib.admin_ports; lib.rule_reaches_port(rule.protocol, rule.from_port, rule.to_port, p)}
	count(ports) > 0
	finding := lib.finding(rule.resource, sprintf("Ingress from %s reaches remote administration port(s) %v", [concat(", ", sort(open)), sort(ports)]))
}

# A rule whose sources or ports are unknown at scan time (`cidr_blocks =
# var.admin_cidrs` without a value) may open port 22 or 3389 to the internet:
# reported as not judged, never passed. A known violation elsewhere on the same
# resource is still a failure.
unknown contains finding if {
	some rule in data.rungs.lib.sg_ingress_rules
	rule.cidrs_unknown
	may_reach_admin_port(rule)
	finding := lib.finding(rule.resource, "ingress sources are unknown at scan time")
}

unknown contains finding if {
	some rule in data.rungs.lib.sg_ingress_rules
	count(lib.open_cidrs_of(rule)) > 0
	lib.rule_ports_unknown(rule)
	finding := lib.finding(rule.resource, "ingress ports are unknown at scan time")
}

may_reach_admin_port(rule) if {
	some p in data.rungs.lib.admin_ports
	lib.rule_reaches_port(rule.protocol, rule.from_port, rule.to_port, p)
}

may_reach_admin_port(rule) if lib.rule_ports_unknown(rule)

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_security_group"], ["ingress"])
}

unknown contains finding if {
	some finding in lib.unjudged(["aws_security_group_rule"], ["type"])
}
