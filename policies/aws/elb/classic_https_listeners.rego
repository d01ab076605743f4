# METADATA
# title: Classic load balancers serve no plain HTTP listener
# description: >-
#   No listener of a classic load balancer (aws_elb) uses lb_protocol HTTP. A
#   classic load balancer cannot redirect to HTTPS, so an HTTP listener serves
#   the application in clear text. TCP and SSL listeners are not judged here.
# custom:
#   id: RUNGS-AWS-ELB-005
#   severity: medium
#   kind: resource
#   resource_types: [aws_elb]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Serve HTTPS (or move to an ALB, which can redirect HTTP to HTTPS):
#       resource "aws_elb" "web" {
#         # ...
#         listener {
#           lb_port            = 443
#           lb_protocol        = "https"
#           instance_port      = 8080
#           instance_protocol  = "http"
#           ssl_certificate_id = aws_acm_certificate.web.arn
#         }
#       }
package rungs.aws.elb.classic_https_listeners

import rego.v1

import data.rungs.lib

plaintext(l) if {
	p := object.get(l, "lb_protocol", "")
	is_string(p)
	lower(p) == "http"
}

listeners(r) := lib.blocks(r, "listener")

deny contains finding if {
	some r in lib.resources("aws_elb")
	some l in listeners(r)
	plaintext(l)
	finding := lib.finding(r, "Classic load balancer has a plain HTTP listener")
}

# What the scan cannot know decides nothing: the load balancer is not judged, never passed.
undecided(r) if lib.is_unknown(lib.attr(r, "listener", null))

undecided(r) if {
	some l in listeners(r)
	lib.is_unknown(object.get(l, "lb_protocol", null))
}

unknown contains finding if {
	some r in lib.resources("aws_elb")
	not http_listener(r)
	undecided(r)
	finding := lib.finding(r, "listener lb_protocol is unknown at scan time")
}

http_listener(r) if {
	some l in listeners(r)
	plaintext(l)
}
