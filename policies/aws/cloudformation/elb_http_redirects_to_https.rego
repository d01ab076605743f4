# METADATA
# title: CloudFormation HTTP listeners redirect to HTTPS
# description: >-
#   Every AWS::ElasticLoadBalancingV2::Listener with Protocol HTTP has a default
#   action that redirects to HTTPS instead of serving plain HTTP.
# custom:
#   id: RUNGS-CFN-ELB-003
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::ElasticLoadBalancingV2::Listener"]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Redirect plain HTTP:
#       DefaultActions:
#         - Type: redirect
#           RedirectConfig:
#             Protocol: HTTPS
#             Port: "443"
#             StatusCode: HTTP_301
package rungs.aws.cloudformation.elb_http_redirects_to_https

import rego.v1

import data.rungs.lib

types := ["AWS::ElasticLoadBalancingV2::Listener"]

protocol(r) := lib.attr(r, "Protocol", "")

actions(r) := lib.attr(r, "DefaultActions", [])

action(a) := "unknown" if lib.unknown_value(a)

action(a) := "unknown" if {
	is_object(a)
	lib.is_unknown(object.get(a, "Type", ""))
}

action(a) := lib.tri_in(redirect_protocol(a), {"HTTPS"}) if {
	is_object(a)
	object.get(a, "Type", "") == "redirect"
}

redirect_protocol(a) := p if {
	rc := object.get(a, "RedirectConfig", {})
	is_object(rc)
	p := object.get(rc, "Protocol", "#{protocol}")
}

redirect_protocol(a) := rc if {
	rc := object.get(a, "RedirectConfig", {})
	lib.is_unknown(rc)
}

action(a) := "fail" if {
	is_object(a)
	t := object.get(a, "Type", "")
	not lib.is_unknown(t)
	t != "redirect"
}

state(r) := "unknown" if lib.is_unknown(protocol(r))

state(r) := "unknown" if {
	protocol(r) == "HTTP"
	lib.is_unknown(actions(r))
}

state(r) := lib.any_of([action(a) | some a in actions(r)]) if {
	protocol(r) == "HTTP"
	is_array(actions(r))
}

deny contains lib.finding(r, "HTTP listener serves traffic instead of redirecting to HTTPS") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "Protocol or DefaultActions is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
