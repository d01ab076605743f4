# METADATA
# title: CloudFormation application load balancers drop invalid HTTP headers
# description: >-
#   Every application AWS::ElasticLoadBalancingV2::LoadBalancer sets the
#   attribute routing.http.drop_invalid_header_fields.enabled to true, so malformed
#   headers do not reach the targets (request smuggling).
# custom:
#   id: RUNGS-CFN-ELB-002
#   severity: low
#   kind: resource
#   resource_types: ["AWS::ElasticLoadBalancingV2::LoadBalancer"]
#   controls: [NET-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-09"]
#   remediation: |
#     Drop invalid header fields:
#       LoadBalancerAttributes:
#         - Key: routing.http.drop_invalid_header_fields.enabled
#           Value: "true"
package rungs.aws.cloudformation.elb_drop_invalid_headers

import rego.v1

import data.rungs.lib

import data.rungs.lib.cloudformation as cfn

types := ["AWS::ElasticLoadBalancingV2::LoadBalancer"]

state(r) := "unknown" if lib.is_unknown(lib.attr(r, "Type", "application"))

state(r) := lib.tri_true(cfn.key_value(r, "LoadBalancerAttributes", "routing.http.drop_invalid_header_fields.enabled", false)) if lib.attr(r, "Type", "application") == "application"

deny contains lib.finding(r, "Application load balancer forwards invalid HTTP headers (routing.http.drop_invalid_header_fields.enabled)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "LoadBalancerAttributes is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
