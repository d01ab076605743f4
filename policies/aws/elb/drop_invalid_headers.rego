# METADATA
# title: Application load balancers drop invalid HTTP headers
# description: >-
#   Every application load balancer drops HTTP headers that are not valid
#   (drop_invalid_header_fields = true) instead of passing them to the
#   targets, which closes a common request-smuggling and header-injection
#   path. The provider default is false. Network and gateway load balancers
#   are not judged.
# custom:
#   id: RUNGS-AWS-ELB-004
#   severity: low
#   kind: resource
#   resource_types: [aws_lb, aws_alb]
#   controls: [NET-3.3]
#   frameworks:
#     csa-ccm-v4: ["IVS-09"]
#   remediation: |
#     Drop invalid headers at the load balancer:
#       resource "aws_lb" "app" {
#         # ...
#         load_balancer_type         = "application"
#         drop_invalid_header_fields = true
#       }
package rungs.aws.elb.drop_invalid_headers

import rego.v1

import data.rungs.lib

deny contains finding if {
	some t in ["aws_lb", "aws_alb"]
	some lb in lib.resources(t)
	lib.attr(lb, "load_balancer_type", "application") == "application"
	lib.falsy(lib.attr(lb, "drop_invalid_header_fields", false))
	finding := lib.finding(lb, "Application load balancer forwards invalid HTTP headers (drop_invalid_header_fields = true)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_lb", "aws_alb"], ["load_balancer_type", "drop_invalid_header_fields"])
}
