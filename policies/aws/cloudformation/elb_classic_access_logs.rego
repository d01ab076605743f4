# METADATA
# title: CloudFormation classic load balancers write access logs
# description: >-
#   Every AWS::ElasticLoadBalancing::LoadBalancer (classic) sets
#   AccessLoggingPolicy.Enabled to true.
# custom:
#   id: RUNGS-CFN-ELB-006
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::ElasticLoadBalancing::LoadBalancer"]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Turn access logs on:
#       AccessLoggingPolicy:
#         Enabled: true
#         S3BucketName: !Ref AccessLogBucket
#         EmitInterval: 60
package rungs.aws.cloudformation.elb_classic_access_logs

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::ElasticLoadBalancing::LoadBalancer"]

state(r) := lib.tri_true(cfn.at(r, ["AccessLoggingPolicy", "Enabled"], false))

deny contains lib.finding(r, "Classic load balancer does not write access logs (AccessLoggingPolicy.Enabled)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "AccessLoggingPolicy is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
