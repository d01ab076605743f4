# METADATA
# title: Security groups and rules are described
# description: >-
#   Every security group has a real description (not the provider default
#   "Managed by Terraform") and every rule says what it is for, so that reviews
#   can judge whether each opening is still needed.
# custom:
#   id: RUNGS-AWS-VPC-004
#   severity: low
#   kind: resource
#   resource_types: [aws_security_group, aws_security_group_rule, aws_vpc_security_group_ingress_rule, aws_vpc_security_group_egress_rule]
#   controls: [NET-3.1]
#   frameworks:
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Describe the group and each of its rules:
#       resource "aws_security_group" "web" {
#         name        = "web"
#         description = "Public HTTPS entry point of the shop"
#         vpc_id      = aws_vpc.main.id
#       }
#       resource "aws_vpc_security_group_ingress_rule" "https" {
#         security_group_id = aws_security_group.web.id
#         description       = "HTTPS from the internet"
#         ip_protocol       = "tcp"
#         from_port         = 443
#         to_port           = 443
#         cidr_ipv4         = "0.0.0.0/0"
#       }
package rungs.aws.vpc.security_group_descriptions

import rego.v1

import data.rungs.lib

rule_types := ["aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"]

# A description that is absent, empty or the provider default.
undescribed(v) if v == null

undescribed(v) if {
	is_string(v)
	trim_space(v) in {"", "Managed by Terraform"}
}

deny contains finding if {
	some sg in lib.resources("aws_security_group")
	# The provider default description is "Managed by Terraform".
	undescribed(lib.attr(sg, "description", null))
	finding := lib.finding(sg, "Security group has no description (or the default \"Managed by Terraform\")")
}

deny contains finding if {
	some sg in lib.resources("aws_security_group")
	some kind in ["ingress", "egress"]
	some block in lib.blocks(sg, kind)
	undescribed(object.get(block, "description", null))
	finding := lib.finding(sg, sprintf("Security group has an %s rule without description", [kind]))
}

deny contains finding if {
	some t in rule_types
	some rule in lib.resources(t)
	undescribed(lib.attr(rule, "description", null))
	finding := lib.finding(rule, "Security group rule has no description")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_ingress_rule", "aws_vpc_security_group_egress_rule"], ["description"])
}
