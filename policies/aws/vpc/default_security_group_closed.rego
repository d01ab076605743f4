# METADATA
# title: Default security groups restrict all traffic
# description: >-
#   Every VPC's default security group has no ingress and no egress rule, so
#   that resources launched without an explicit security group get no network
#   access by accident. AWS creates the default group of every VPC with all
#   traffic allowed inside the group and all egress allowed, so an aws_vpc
#   whose default group no aws_default_security_group manages fails too.
# custom:
#   id: RUNGS-AWS-VPC-002
#   severity: medium
#   kind: resource
#   resource_types: [aws_default_security_group, aws_vpc]
#   controls: [NET-2.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["5.5"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Manage each VPC's default security group with no rules at all (this
#     removes the rules AWS created with the VPC):
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

# A VPC whose default group the document does not manage keeps the rules AWS creates with it
# (all traffic from the group itself, all egress): CIS AWS Foundations 5.0, 5.5. A managed group
# is judged above.
deny contains finding if {
	some vpc in lib.resources("aws_vpc")
	not lib.maybe_companion(vpc, "aws_default_security_group", "vpc_id")
	finding := lib.finding(vpc, "VPC's default security group keeps the rules AWS creates (all traffic within the group, all egress): manage it with an aws_default_security_group without rules")
}

# An aws_default_security_group whose vpc_id the scan cannot resolve may be this VPC's.
unknown contains finding if {
	some vpc in lib.resources("aws_vpc")
	count(lib.companions(vpc, "aws_default_security_group", "vpc_id")) == 0
	lib.ambiguous_companion(vpc, "aws_default_security_group", "vpc_id")
	finding := lib.finding(vpc, "an aws_default_security_group's vpc_id is unknown at scan time: it may manage this VPC's default group")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_default_security_group"], ["ingress", "egress"])
}
