# METADATA
# title: SageMaker notebook instances do not give users root
# description: >-
#   SageMaker notebook instances set root_access = "Disabled", so that notebook
#   users cannot change the instance's software or security settings. The
#   provider default is Enabled.
# custom:
#   id: RUNGS-AWS-SAGEMAKER-002
#   severity: medium
#   kind: resource
#   resource_types: [aws_sagemaker_notebook_instance]
#   controls: [WKL-3.3]
#   frameworks:
#     checkov: ["CKV_AWS_307"]
#     csa-ccm-v4: ["IVS-04"]
#   remediation: |
#     Disable root access:
#       resource "aws_sagemaker_notebook_instance" "research" {
#         # ...
#         root_access = "Disabled"
#       }
package rungs.aws.sagemaker.notebook_no_root

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_sagemaker_notebook_instance"]

path := ["root_access"]

# The provider default for root_access is Enabled: a missing argument is a finding.
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
	finding := lib.finding(r, "SageMaker notebook instance gives users root access (root_access)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "root_access is unknown at scan time")
}
