# METADATA
# title: SageMaker endpoint configurations are encrypted with a customer-managed key
# description: >-
#   SageMaker endpoint configurations name a customer-managed KMS key in
#   kms_key_arn for the storage volumes of the endpoint's instances; without it
#   an AWS managed key is used.
# custom:
#   id: RUNGS-AWS-SAGEMAKER-004
#   severity: low
#   kind: resource
#   resource_types: [aws_sagemaker_endpoint_configuration]
#   controls: [DAT-3.3]
#   frameworks:
#     checkov: ["CKV_AWS_98"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Name your key:
#       resource "aws_sagemaker_endpoint_configuration" "churn" {
#         # ...
#         kms_key_arn = aws_kms_key.sagemaker.arn
#       }
package rungs.aws.sagemaker.endpoint_customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_sagemaker_endpoint_configuration"]

path := ["kms_key_arn"]

# Without a key the service encrypts with its AWS managed key, which is not customer-managed.
value(r) := checks.setting(r, path, null)

good(v) if checks.kms_key_ref(v)

# What the scan cannot know decides nothing: the resource is not judged, never passed.
undecided(r) if checks.undecided_blocks(r, path)

# A reference to something other than a key resource (a variable, a module output) may be null.
undecided(r) if {
	v := value(r)
	lib.is_unknown(v)
	not checks.kms_key_ref(v)
}

deny contains finding if {
	some t in types
	some r in lib.resources(t)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "SageMaker endpoint configuration is not encrypted with a customer-managed KMS key (kms_key_arn)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "kms_key_arn is unknown at scan time")
}
