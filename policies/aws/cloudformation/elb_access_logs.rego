# METADATA
# title: CloudFormation load balancers write access logs
# description: >-
#   Every application or network AWS::ElasticLoadBalancingV2::LoadBalancer sets
#   the attribute access_logs.s3.enabled to true (gateway load balancers have no
#   access logs and are not judged).
# custom:
#   id: RUNGS-CFN-ELB-001
#   severity: low
#   kind: resource
#   resource_types: ["AWS::ElasticLoadBalancingV2::LoadBalancer"]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Turn access logs on:
#       LoadBalancerAttributes:
#         - Key: access_logs.s3.enabled
#           Value: "true"
#         - Key: access_logs.s3.bucket
#           Value: !Ref AccessLogBucket
package rungs.aws.cloudformation.elb_access_logs

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::ElasticLoadBalancingV2::LoadBalancer"]

state(r) := "unknown" if lib.is_unknown(lib.attr(r, "Type", "application"))

state(r) := lib.tri_true(cfn.key_value(r, "LoadBalancerAttributes", "access_logs.s3.enabled", false)) if lib.attr(r, "Type", "application") in {"application", "network"}

deny contains lib.finding(r, "Load balancer does not write access logs (access_logs.s3.enabled)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "LoadBalancerAttributes is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
