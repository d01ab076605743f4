# METADATA
# title: CloudFormation VPCs have flow logs
# description: >-
#   Every AWS::EC2::VPC is the ResourceId of an AWS::EC2::FlowLog of the template.
#   A flow log whose ResourceId is a parameter or an import may cover any VPC: the
#   VPCs without their own are then not judged.
# custom:
#   id: RUNGS-CFN-VPC-001
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::EC2::VPC"]
#   controls: [NET-2.2, LOG-2.3]
#   frameworks:
#     cis-aws-foundations-5.0: ["3.7"]
#     csa-ccm-v4: ["LOG-08", "IVS-09"]
#   remediation: |
#     Record the VPC's traffic:
#       VpcFlowLog:
#         Type: AWS::EC2::FlowLog
#         Properties:
#           ResourceId: !Ref Vpc
#           ResourceType: VPC
#           TrafficType: ALL
#           LogDestinationType: cloud-watch-logs
#           LogGroupName: vpc-flow-logs
#           DeliverLogsPermissionArn: !GetAtt FlowLogRole.Arn
package rungs.aws.cloudformation.vpc_flow_logs

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::EC2::VPC"]

covered := cfn.referenced("AWS::EC2::FlowLog", "ResourceId")

loose if cfn.loosely_referenced("AWS::EC2::FlowLog", "ResourceId")

state(r) := "pass" if r.address in covered

state(r) := "unknown" if {
	not r.address in covered
	loose
}

state(r) := "fail" if {
	not r.address in covered
	not loose
}

deny contains lib.finding(r, "VPC has no flow log (no AWS::EC2::FlowLog with ResourceId: !Ref to it)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "a flow log's ResourceId is unknown at scan time; it may cover this VPC") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
