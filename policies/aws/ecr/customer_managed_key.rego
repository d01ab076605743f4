# METADATA
# title: ECR repositories are encrypted with a customer-managed key
# description: >-
#   ECR repositories use encryption_configuration with encryption_type KMS and a
#   customer-managed key in kms_key. The default (AES256) and KMS without a key
#   (the AWS managed key aws/ecr) are findings.
# custom:
#   id: RUNGS-AWS-ECR-004
#   severity: low
#   kind: resource
#   resource_types: [aws_ecr_repository]
#   controls: [DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Encrypt with your key (only possible at creation):
#       resource "aws_ecr_repository" "app" {
#         # ...
#         encryption_configuration {
#           encryption_type = "KMS"
#           kms_key         = aws_kms_key.ecr.arn
#         }
#       }
package rungs.aws.ecr.customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_ecr_repository"]

path := ["encryption_configuration", "kms_key"]

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
	finding := lib.finding(r, "ECR repository is not encrypted with a customer-managed KMS key (encryption_configuration.kms_key)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "encryption_configuration.kms_key is unknown at scan time")
}
