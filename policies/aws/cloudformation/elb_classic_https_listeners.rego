# METADATA
# title: CloudFormation classic load balancers serve no plain HTTP listener
# description: >-
#   No listener of an AWS::ElasticLoadBalancing::LoadBalancer (classic) uses
#   Protocol HTTP: traffic from clients is encrypted (HTTPS or SSL).
# custom:
#   id: RUNGS-CFN-ELB-005
#   severity: medium
#   kind: resource
#   resource_types: ["AWS::ElasticLoadBalancing::LoadBalancer"]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Serve HTTPS with a certificate:
#       Listeners:
#         - Protocol: HTTPS
#           LoadBalancerPort: "443"
#           InstancePort: "8080"
#           SSLCertificateId: !Ref Certificate
package rungs.aws.cloudformation.elb_classic_https_listeners

import rego.v1

import data.rungs.lib

types := ["AWS::ElasticLoadBalancing::LoadBalancer"]

listeners(r) := lib.attr(r, "Listeners", [])

listener(l) := "unknown" if lib.unknown_value(l)

listener(l) := "unknown" if {
	is_object(l)
	lib.is_unknown(object.get(l, "Protocol", ""))
}

listener(l) := "fail" if {
	is_object(l)
	p := object.get(l, "Protocol", "")
	is_string(p)
	upper(p) == "HTTP"
}

listener(l) := "pass" if {
	is_object(l)
	p := object.get(l, "Protocol", "")
	not lib.is_unknown(p)
	upper(sprintf("%v", [p])) != "HTTP"
}

state(r) := "unknown" if lib.is_unknown(listeners(r))

state(r) := lib.all_of([listener(l) | some l in listeners(r)]) if is_array(listeners(r))

deny contains lib.finding(r, "Classic load balancer serves plain HTTP (a listener with Protocol HTTP)") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "fail"
}

unknown contains lib.finding(r, "Listeners is unknown at scan time") if {
	some t in types
	some r in lib.resources(t)
	state(r) == "unknown"
}
