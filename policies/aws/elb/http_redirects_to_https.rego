# METADATA
# title: HTTP listeners redirect to HTTPS
# description: >-
#   Every plain-HTTP listener of an application load balancer answers with a
#   redirect to HTTPS (default_action type "redirect" with redirect protocol
#   "HTTPS"), so that no request or response travels unencrypted. A listener
#   without protocol is HTTP on an application load balancer. Listeners of
#   network and gateway load balancers are not judged.
# custom:
#   id: RUNGS-AWS-ELB-002
#   severity: medium
#   kind: resource
#   resource_types: [aws_lb_listener, aws_alb_listener]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Redirect port 80 to HTTPS:
#       resource "aws_lb_listener" "http" {
#         load_balancer_arn = aws_lb.app.arn
#         port              = 80
#         protocol          = "HTTP"
#         default_action {
#           type = "redirect"
#           redirect {
#             port        = "443"
#             protocol    = "HTTPS"
#             status_code = "HTTP_301"
#           }
#         }
#       }
package rungs.aws.elb.http_redirects_to_https

import rego.v1

import data.rungs.lib

types := ["aws_lb_listener", "aws_alb_listener"]

lb_types := ["aws_lb", "aws_alb"]

# The listener belongs to a load balancer of this scan that is not an
# application load balancer.
non_application(l) if {
	some t in lb_types
	some lb in lib.designated(lib.attr(l, "load_balancer_arn", null), t, lib.module_of(l))
	lib.attr(lb, "load_balancer_type", "application") != "application"
}

# Plain HTTP: protocol "HTTP", or absent (the ALB default).
http_listener(l) if {
	lib.attr(l, "protocol", "HTTP") == "HTTP"
	not non_application(l)
}

redirects_to_https(l) if {
	some a in lib.blocks(l, "default_action")
	object.get(a, "type", "") == "redirect"
	some r in lib.sub_blocks(a, "redirect")
	p := object.get(r, "protocol", "#{protocol}")
	https_or_unknown(p)
}

# Actions whose type cannot be read (dynamic blocks, variables) are not judged.
redirects_to_https(l) if {
	some a in lib.blocks(l, "default_action")
	lib.is_unknown(object.get(a, "type", ""))
}

redirects_to_https(l) if lib.is_unknown(lib.attr(l, "default_action", null))

https_or_unknown(p) if p == "HTTPS"

https_or_unknown(p) if lib.is_unknown(p)

deny contains finding if {
	some t in types
	some l in lib.resources(t)
	http_listener(l)
	not redirects_to_https(l)
	finding := lib.finding(l, "HTTP listener serves traffic instead of redirecting to HTTPS")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_lb_listener", "aws_alb_listener"], ["protocol", "default_action", "type", "redirect"])
}
