# METADATA
# title: Instances require IMDSv2
# description: >-
#   EC2 instances, launch templates and launch configurations require session
#   tokens for the instance metadata service (metadata_options http_tokens =
#   "required"), which blocks the SSRF-style credential theft IMDSv1 allows.
#   Disabling the metadata endpoint altogether also passes. An instance without
#   its own metadata_options is judged by the launch template it names; a
#   template the scan cannot resolve leaves it not judged.
# custom:
#   id: RUNGS-AWS-EC2-001
#   severity: high
#   kind: resource
#   resource_types: [aws_instance, aws_launch_template, aws_launch_configuration]
#   controls: [WKL-2.1]
#   frameworks:
#     cis-aws-foundations-5.0: ["5.7"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Require tokens in metadata_options:
#       resource "aws_instance" "app" {
#         # ...
#         metadata_options {
#           http_endpoint = "enabled"
#           http_tokens   = "required"
#         }
#       }
package rungs.aws.ec2.imdsv2

import rego.v1

import data.rungs.lib

types := ["aws_instance", "aws_launch_template", "aws_launch_configuration"]

# The verdict of a resource's own metadata_options: "pass" when tokens are
# required or the endpoint is disabled, "fail" when neither (the provider
# default for http_tokens is "optional"), "unknown" when the scan cannot tell.
own(r) := "unknown" if lib.is_unknown(lib.attr(r, "metadata_options", null))

own(r) := lib.all_of([block(mo) | some mo in lib.blocks(r, "metadata_options")]) if {
	count(lib.blocks(r, "metadata_options")) > 0
}

own(r) := "fail" if {
	not lib.is_unknown(lib.attr(r, "metadata_options", null))
	count(lib.blocks(r, "metadata_options")) == 0
}

block(mo) := "unknown" if lib.is_unknown(object.get(mo, "_for_each", null))

block(mo) := lib.any_of([
	lib.tri_in(get(mo, "http_tokens", "optional"), ["required"]),
	lib.tri_in(get(mo, "http_endpoint", "enabled"), ["disabled"]),
]) if not lib.is_unknown(object.get(mo, "_for_each", null))

# mo[key], or dflt when absent or null (null leaves the provider default).
get(mo, key, dflt) := v if {
	v := mo[key]
	v != null
} else := dflt

# An instance launched from a template without metadata_options of its own
# gets the template's: the template it names by id or name, resolved in the
# scan; "unknown" when the scan holds no such template.
verdict(r) := own(r) if not from_template(r)

verdict(r) := template_verdict(r) if from_template(r)

from_template(r) if {
	r.type == "aws_instance"
	count(lib.blocks(r, "launch_template")) > 0
	count(lib.blocks(r, "metadata_options")) == 0
	not lib.is_unknown(lib.attr(r, "metadata_options", null))
}

templates(r) := [t |
	some lt in lib.blocks(r, "launch_template")
	some key in ["id", "name"]
	v := object.get(lt, key, null)
	v != null
	some t in lib.designated(v, "aws_launch_template", lib.module_of(r))
]

template_verdict(r) := lib.all_of([own(t) | some t in templates(r)]) if count(templates(r)) > 0

template_verdict(r) := "unknown" if count(templates(r)) == 0

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	verdict(r) == "fail"
	finding := lib.finding(r, message(r))
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	verdict(r) == "unknown"
	finding := lib.finding(r, unknown_message(r))
}

message(r) := "The launch template this instance uses does not require IMDSv2 (metadata_options http_tokens = \"required\")" if {
	from_template(r)
} else := "Instance metadata service does not require IMDSv2 (metadata_options http_tokens = \"required\")"

unknown_message(r) := "the launch template (launch_template id or name) is not in this scan or is unknown at scan time" if {
	from_template(r)
	count(templates(r)) == 0
} else := "metadata_options (http_tokens or http_endpoint) is unknown at scan time"
