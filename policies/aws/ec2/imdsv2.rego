# METADATA
# title: Instances require IMDSv2
# description: >-
#   EC2 instances and launch templates require session tokens for the instance
#   metadata service (metadata_options http_tokens = "required"), which blocks
#   the SSRF-style credential theft IMDSv1 allows. Disabling the metadata
#   endpoint altogether also passes.
# custom:
#   id: RUNGS-AWS-EC2-001
#   severity: high
#   kind: resource
#   resource_types: [aws_instance, aws_launch_template]
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

types := ["aws_instance", "aws_launch_template"]

protected(r) if {
	some mo in lib.blocks(r, "metadata_options")
	# The provider default for http_tokens is "optional".
	object.get(mo, "http_tokens", "optional") == "required"
}

protected(r) if {
	some mo in lib.blocks(r, "metadata_options")
	object.get(mo, "http_endpoint", "enabled") == "disabled"
}

# An instance launched from a launch template without its own
# metadata_options gets the template's (the template is judged itself).
protected(r) if {
	r.type == "aws_instance"
	count(lib.blocks(r, "launch_template")) > 0
	count(lib.blocks(r, "metadata_options")) == 0
}

# Settings the scan cannot know decide nothing: the resource is not judged, never passed.
unresolved(r) if lib.is_unknown(lib.attr(r, "metadata_options", null))

unresolved(r) if {
	some mo in lib.blocks(r, "metadata_options")
	some key in ["http_tokens", "http_endpoint"]
	lib.is_unknown(object.get(mo, key, null))
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	not protected(r)
	unresolved(r)
	finding := lib.finding(r, "metadata_options (http_tokens or http_endpoint) is unknown at scan time")
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not protected(r)
	not unresolved(r)
	finding := lib.finding(r, "Instance metadata service does not require IMDSv2 (metadata_options http_tokens = \"required\")")
}
