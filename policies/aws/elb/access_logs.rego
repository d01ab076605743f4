# METADATA
# title: Load balancers write access logs
# description: >-
#   Every application and network load balancer writes access logs to S3
#   (access_logs { enabled = true }), so that requests reaching the
#   workload can be investigated. The provider default is off, even when a
#   bucket is given. Gateway load balancers have no access logs and are not
#   judged.
# custom:
#   id: RUNGS-AWS-ELB-003
#   severity: low
#   kind: resource
#   resource_types: [aws_lb, aws_alb]
#   controls: [LOG-2.3]
#   frameworks:
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Send access logs to a log bucket (its policy must allow the ELB log delivery):
#       resource "aws_lb" "app" {
#         # ...
#         access_logs {
#           bucket  = aws_s3_bucket.logs.id
#           prefix  = "alb/app"
#           enabled = true
#         }
#       }
package rungs.aws.elb.access_logs

import rego.v1

import data.rungs.lib

logging(lb) if {
	some b in lib.blocks(lb, "access_logs")
	not lib.falsy(object.get(b, "enabled", false))
}

logging(lb) if lib.is_unknown(lib.attr(lb, "access_logs", null))

deny contains finding if {
	some t in ["aws_lb", "aws_alb"]
	some lb in lib.resources(t)
	lib.attr(lb, "load_balancer_type", "application") in {"application", "network"}
	not logging(lb)
	finding := lib.finding(lb, "Load balancer does not write access logs (access_logs enabled = true)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_lb", "aws_alb"], ["access_logs", "load_balancer_type", "enabled"])
}
