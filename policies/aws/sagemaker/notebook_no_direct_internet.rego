# METADATA
# title: SageMaker notebook instances have no direct internet access
# description: >-
#   SageMaker notebook instances set direct_internet_access = "Disabled" and
#   reach the internet, if at all, through the VPC. The provider default is
#   Enabled, which gives the instance a network interface with internet access
#   outside your VPC controls.
# custom:
#   id: RUNGS-AWS-SAGEMAKER-001
#   severity: medium
#   kind: resource
#   resource_types: [aws_sagemaker_notebook_instance]
#   controls: [WKL-2.2]
#   frameworks:
#     checkov: ["CKV_AWS_122"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     Disable direct internet access and place the instance in a subnet:
#       resource "aws_sagemaker_notebook_instance" "research" {
#         # ...
#         subnet_id              = aws_subnet.private.id
#         security_groups        = [aws_security_group.notebook.id]
#         direct_internet_access = "Disabled"
#       }
package rungs.aws.sagemaker.notebook_no_direct_internet

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_sagemaker_notebook_instance"]

path := ["direct_internet_access"]

# The provider default for direct_internet_access is Enabled: a missing argument is a finding.
value(r) := checks.setting(r, path, "Enabled")

good(v) if v == "Disabled"

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided(r, path)

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "SageMaker notebook instance has direct internet access (direct_internet_access)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "direct_internet_access is unknown at scan time")
}
