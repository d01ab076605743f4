# METADATA
# title: Launch configurations require IMDSv2
# description: >-
#   Auto Scaling launch configurations set metadata_options http_tokens =
#   "required" (or disable the metadata endpoint). The default is optional,
#   which lets IMDSv1 requests steal the instance role's credentials through
#   SSRF. Prefer launch templates: AWS no longer offers launch configurations to
#   new accounts.
# custom:
#   id: RUNGS-AWS-EC2-006
#   severity: high
#   kind: resource
#   resource_types: [aws_launch_configuration]
#   controls: [WKL-2.1]
#   frameworks:
#     checkov: ["CKV_AWS_79"]
#     cis-aws-foundations-5.0: ["5.7"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Require tokens (better: move to a launch template):
#       resource "aws_launch_configuration" "app" {
#         # ...
#         metadata_options {
#           http_tokens = "required"
#         }
#       }
package rungs.aws.ec2.launch_configuration_imdsv2

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_launch_configuration"]

path := ["metadata_options", "http_tokens"]

# The default for http_tokens is optional: a missing block or argument is a finding.
value(r) := checks.setting(r, path, "optional")

good(v) if v == "required"

# An instance without a metadata endpoint has nothing to protect.
applies(r) if not endpoint_disabled(r)

endpoint_disabled(r) if {
	some mo in lib.blocks(r, "metadata_options")
	object.get(mo, "http_endpoint", "enabled") == "disabled"
}

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

# A known disabled endpoint protects whatever http_tokens says.
undecided(r) if {
	some mo in lib.blocks(r, "metadata_options")
	lib.is_unknown(object.get(mo, "http_endpoint", null))
	v := value(r)
	not good(v)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Launch configuration does not require IMDSv2 (metadata_options http_tokens = \"required\")")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	undecided(r)
	finding := lib.finding(r, "metadata_options.http_tokens is unknown at scan time")
}
