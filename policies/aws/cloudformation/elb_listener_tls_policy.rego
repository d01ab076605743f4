# METADATA
# title: CloudFormation load balancer TLS listeners use a TLS 1.2+ security policy
# description: >-
#   Every AWS::ElasticLoadBalancingV2::Listener with Protocol HTTPS or TLS names a
#   security policy whose minimum is TLS 1.2 or 1.3 (the default,
#   ELBSecurityPolicy-2016-08, accepts TLS 1.0).
# custom:
#   id: RUNGS-CFN-ELB-004
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::ElasticLoadBalancingV2::Listener"]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Name a modern security policy:
#       Properties:
#         SslPolicy: ELBSecurityPolicy-TLS13-1-2-2021-06
package rungs.aws.cloudformation.elb_listener_tls_policy

import rego.v1

import data.rungs.lib

types := ["AWS::ElasticLoadBalancingV2::Listener"]

modern_markers := ["-TLS13-1-2-", "-TLS13-1-3-", "-TLS-1-2-", "-FS-1-2-"]

modern(p) if {
	some m in modern_markers
	contains(p, m)
}

policy(r) := lib.attr(r, "SslPolicy", "ELBSecurityPolicy-2016-08")

state(r) := "unknown" if lib.is_unknown(lib.attr(r, "Protocol", ""))

state(r) := "unknown" if {
	lib.attr(r, "Protocol", "") in {"HTTPS", "TLS"}
	lib.is_unknown(policy(r))
}

state(r) := "pass" if {
	lib.attr(r, "Protocol", "") in {"HTTPS", "TLS"}
	lib.is_known_string(policy(r))
	modern(policy(r))
}

state(r) := "fail" if {
	lib.attr(r, "Protocol", "") in {"HTTPS", "TLS"}
	not lib.is_unknown(policy(r))
	not modern(policy(r))
}

deny contains lib.finding(r, "Listener security policy accepts TLS versions older than 1.2 (SslPolicy)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "Protocol or SslPolicy is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
