# METADATA
# title: Internet-facing application load balancers are protected by AWS WAF
# description: >-
#   Every internet-facing application load balancer has a WAF web ACL: an
#   aws_wafv2_web_acl_association (or a classic aws_wafregional_web_acl_association)
#   whose resource_arn refers to it, or a Firewall Manager WAF policy that
#   attaches web ACLs across the organization. Internal load balancers and
#   network or gateway load balancers are not judged; an association the
#   scan cannot resolve counts as covering the load balancer.
# custom:
#   id: RUNGS-AWS-WAF-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_lb, aws_alb]
#   controls: [NET-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-09"]
#   remediation: |
#     Associate a regional WAFv2 web ACL (for example with the AWS managed rule groups):
#       resource "aws_wafv2_web_acl_association" "app" {
#         resource_arn = aws_lb.app.arn
#         web_acl_arn  = aws_wafv2_web_acl.app.arn
#       }
package rungs.aws.waf.public_alb_protected

import rego.v1

import data.rungs.lib

association_types := ["aws_wafv2_web_acl_association", "aws_wafregional_web_acl_association"]

# An internet-facing application load balancer: internal defaults to false,
# load_balancer_type to "application". Unknown values are not judged.
public_alb(lb) if {
	lib.attr(lb, "load_balancer_type", "application") == "application"
	lib.falsy(lib.attr(lb, "internal", false))
}

protected(lb) if {
	some t in association_types
	lib.maybe_companion(lb, t, "resource_arn")
}

# A literal load balancer ARN: .../loadbalancer/app/<name>/<id>.
protected(lb) if {
	name := lib.attr(lb, "name", null)
	lib.is_known_string(name)
	marker := concat("", ["loadbalancer/app/", name, "/"])
	some t in association_types
	some a in lib.resources(t)
	arn := lib.attr(a, "resource_arn", null)
	lib.is_known_string(arn)
	contains(arn, marker)
}

# Firewall Manager attaches WAF web ACLs to load balancers across the organization.
protected(_) if {
	some p in lib.resources("aws_fms_policy")
	some d in lib.blocks(p, "security_service_policy_data")
	t := object.get(d, "type", "")
	fms_waf(t)
}

fms_waf(t) if t in {"WAF", "WAFV2"}

fms_waf(t) if lib.is_unknown(t)

deny contains finding if {
	some t in ["aws_lb", "aws_alb"]
	some lb in lib.resources(t)
	public_alb(lb)
	not protected(lb)
	finding := lib.finding(lb, "Internet-facing application load balancer has no WAF web ACL (aws_wafv2_web_acl_association)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_lb", "aws_alb"], ["load_balancer_type", "internal"])
}
