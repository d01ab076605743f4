# METADATA
# title: VPC flow logs are enabled for every VPC
# description: >-
#   Every aws_vpc has an aws_flow_log attached to it (vpc_id referring to the
#   VPC) or to each of its subnets (subnet_id), so that accepted and rejected
#   traffic can be investigated.
# custom:
#   id: RUNGS-AWS-VPC-003
#   severity: medium
#   kind: resource
#   resource_types: [aws_vpc]
#   controls: [NET-2.2, LOG-2.3]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.7"]
#     csa-ccm-v4: ["LOG-08", "IVS-09"]
#   remediation: |
#     Attach a flow log to the VPC:
#       resource "aws_flow_log" "main" {
#         vpc_id               = aws_vpc.main.id
#         traffic_type         = "ALL"
#         log_destination_type = "s3"
#         log_destination      = aws_s3_bucket.flow_logs.arn
#       }
package rungs.aws.vpc.flow_logs

import rego.v1

import data.rungs.lib

# A VPC is logged when a flow log names it (vpc_id), or when it has declared subnets and a flow
# log names each of them (subnet_id): subnet flow logs record all traffic of their subnet. A flow
# log on one network interface (eni_id) does not count: the VPC's other interfaces (instances,
# load balancers, NAT gateways, endpoints) are created outside the code the scan sees.
# "unknown" when a flow log or subnet whose vpc_id/subnet_id cannot be resolved may decide it.
state(vpc) := lib.any_of({vpc_level(vpc), subnet_level(vpc)})

vpc_level(vpc) := "pass" if {
	count(lib.companions(vpc, "aws_flow_log", "vpc_id")) > 0
} else := "unknown" if {
	lib.ambiguous_companion(vpc, "aws_flow_log", "vpc_id")
} else := "fail"

# Every declared subnet of the VPC is logged; "unknown" when a subnet whose vpc_id is unknown may
# belong to it (it would need a flow log too) or a subnet's flow log cannot be resolved.
subnet_level(vpc) := "fail" if {
	count(lib.companions(vpc, "aws_subnet", "vpc_id")) == 0
} else := lib.all_of({subnet_state(s) | some s in lib.companions(vpc, "aws_subnet", "vpc_id")} | membership(vpc))

subnet_state(s) := "pass" if {
	count(lib.companions(s, "aws_flow_log", "subnet_id")) > 0
} else := "unknown" if {
	lib.ambiguous_companion(s, "aws_flow_log", "subnet_id")
} else := "fail"

membership(vpc) := {"unknown"} if {
	lib.ambiguous_companion(vpc, "aws_subnet", "vpc_id")
} else := set()

deny contains finding if {
	some vpc in lib.resources("aws_vpc")
	state(vpc) == "fail"
	finding := lib.finding(vpc, "VPC has no flow log (aws_flow_log with vpc_id, or with subnet_id on each of its subnets)")
}

unknown contains finding if {
	some vpc in lib.resources("aws_vpc")
	state(vpc) == "unknown"
	finding := lib.finding(vpc, "a flow log's vpc_id or subnet_id, or a subnet's vpc_id, is unknown at scan time")
}
