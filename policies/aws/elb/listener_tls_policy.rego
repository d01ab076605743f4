# METADATA
# title: Load balancer TLS listeners use a TLS 1.2+ security policy
# description: >-
#   Every HTTPS or TLS listener of an application or network load balancer
#   uses a security policy that accepts TLS 1.2 or later only (the
#   ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-* and -FS-1-2-*
#   families). Without ssl_policy AWS applies ELBSecurityPolicy-2016-08,
#   which still accepts TLS 1.0 and 1.1.
# custom:
#   id: RUNGS-AWS-ELB-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_lb_listener, aws_alb_listener]
#   controls: [DAT-2.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Pick a TLS 1.2+ policy (TLS 1.3 preferred):
#       resource "aws_lb_listener" "https" {
#         load_balancer_arn = aws_lb.app.arn
#         port              = 443
#         protocol          = "HTTPS"
#         ssl_policy        = "ELBSecurityPolicy-TLS13-1-2-2021-06"
#         certificate_arn   = aws_acm_certificate.app.arn
#         # ...
#       }
package rungs.aws.elb.listener_tls_policy

import rego.v1

import data.rungs.lib

types := ["aws_lb_listener", "aws_alb_listener"]

# Policy families whose minimum protocol is TLS 1.2 or 1.3 (FIPS and
# post-quantum variants share these prefixes).
modern_markers := ["-TLS13-1-2-", "-TLS13-1-3-", "-TLS-1-2-", "-FS-1-2-"]

tls_listener(l) if lib.attr(l, "protocol", "") in {"HTTPS", "TLS"}

modern(p) if lib.is_unknown(p)

modern(p) if {
	lib.is_known_string(p)
	some m in modern_markers
	contains(p, m)
}

deny contains finding if {
	some t in types
	some l in lib.resources(t)
	tls_listener(l)
	# The provider default is ELBSecurityPolicy-2016-08 (TLS 1.0+).
	p := lib.attr(l, "ssl_policy", "ELBSecurityPolicy-2016-08")
	not modern(p)
	finding := lib.finding(l, sprintf("Listener security policy %v accepts TLS versions older than 1.2", [p]))
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_lb_listener", "aws_alb_listener"], ["protocol", "ssl_policy"])
}
