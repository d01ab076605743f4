# METADATA
# title: No security group admits all traffic from the internet
# description: >-
#   No security group rule allows every port (all protocols, or the whole
#   0-65535 range) from 0.0.0.0/0 or ::/0. Internet-facing rules should open
#   only the ports a service needs.
# custom:
#   id: RUNGS-AWS-VPC-005
#   severity: high
#   kind: resource
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule]
#   controls: [NET-3.2]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Open only the service port:
#       resource "aws_vpc_security_group_ingress_rule" "https" {
#         security_group_id = aws_security_group.web.id
#         description       = "HTTPS from the internet"
#         ip_protocol       = "tcp"
#         from_port         = 443
#         to_port           = 443
#         cidr_ipv4         = "0.0.0.0/0"
#       }
package rungs.aws.vpc.no_unrestricted_ingress

import rego.v1

import data.rungs.lib

deny contains finding if {
	some rule in data.rungs.lib.sg_ingress_rules
	open := lib.open_cidrs_of(rule)
	count(open) > 0
	lib.rule_reaches_all_ports(rule.protocol, rule.from_port, rule.to_port)
	finding := lib.finding(rule.resource, sprintf("Ingress from %s is allowed on every port", [concat(", ", sort(open))]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_security_group"], ["ingress"])
}

unknown contains finding if {
	some finding in lib.unjudged(["aws_security_group_rule"], ["type"])
}

# A rule whose sources or ports are unknown at scan time may open every port to
# the internet: not judged, never passed (as in RUNGS-AWS-VPC-001).
unknown contains finding if {
	some rule in data.rungs.lib.sg_ingress_rules
	rule.cidrs_unknown
	may_reach_all_ports(rule)
	finding := lib.finding(rule.resource, "ingress sources are unknown at scan time")
}

unknown contains finding if {
	some rule in data.rungs.lib.sg_ingress_rules
	count(lib.open_cidrs_of(rule)) > 0
	lib.rule_ports_unknown(rule)
	finding := lib.finding(rule.resource, "ingress ports are unknown at scan time")
}

may_reach_all_ports(rule) if lib.rule_reaches_all_ports(rule.protocol, rule.from_port, rule.to_port)

may_reach_all_ports(rule) if lib.rule_ports_unknown(rule)
