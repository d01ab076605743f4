# METADATA
# title: Classic load balancers write access logs
# description: >-
#   Classic load balancers (aws_elb) declare an access_logs block with logging
#   enabled (the provider default inside the block), so that requests can be
#   traced during an investigation. Without the block nothing is logged.
# custom:
#   id: RUNGS-AWS-ELB-006
#   severity: medium
#   kind: resource
#   resource_types: [aws_elb]
#   controls: [LOG-2.3]
#   frameworks:
#     checkov: ["CKV_AWS_92"]
#     csa-ccm-v4: ["LOG-08"]
#   remediation: |
#     Send access logs to a log bucket (its policy must allow the ELB log delivery):
#       resource "aws_elb" "web" {
#         # ...
#         access_logs {
#           bucket   = aws_s3_bucket.lb_logs.id
#           interval = 60
#         }
#       }
package rungs.aws.elb.classic_access_logs

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_elb"]

path := ["access_logs", "enabled"]

# Without access_logs nothing is logged; inside the block the provider default for enabled is true.
value(r) := checks.block_setting(r, path, false, true)

good(v) if lib.truthy(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Classic load balancer writes no access logs (access_logs)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "access_logs.enabled is unknown at scan time")
}
