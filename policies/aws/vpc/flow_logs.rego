# METADATA
# title: VPC flow logs are enabled for every VPC
# description: >-
#   Every aws_vpc has an aws_flow_log attached to it (vpc_id referring to the
#   VPC), so that accepted and rejected traffic can be investigated.
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

deny contains finding if {
	some vpc in lib.resources("aws_vpc")
	not lib.maybe_companion(vpc, "aws_flow_log", "vpc_id")
	finding := lib.finding(vpc, "VPC has no flow log (aws_flow_log with vpc_id)")
}
