# METADATA
# title: Default security groups restrict all traffic
# description: >-
#   Every managed aws_default_security_group has no ingress and no egress rule,
#   so that resources launched without an explicit security group get no
#   network access by accident.
# custom:
#   id: RUNGS-AWS-VPC-002
#   severity: medium
#   kind: resource
#   resource_types: [aws_default_security_group]
#   controls: [NET-2.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["5.5"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Manage the default security group with no rules at all:
#       resource "aws_default_security_group" "default" {
#         vpc_id = aws_vpc.main.id
#       }
package rungs.aws.vpc.default_security_group_closed

import rego.v1

import data.rungs.lib

deny contains finding if {
	some sg in lib.resources("aws_default_security_group")
	n := count(lib.blocks(sg, "ingress")) + count(lib.blocks(sg, "egress"))
	n > 0
	finding := lib.finding(sg, sprintf("Default security group has %v rule(s); it should allow no traffic", [n]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_default_security_group"], ["ingress", "egress"])
}
