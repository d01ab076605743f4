# METADATA
# title: CodeBuild projects encrypt with a customer-managed key
# description: >-
#   CodeBuild projects name a customer-managed KMS key in encryption_key for
#   their build output; without it CodeBuild uses the AWS managed key aws/s3.
# custom:
#   id: RUNGS-AWS-CODEBUILD-003
#   severity: low
#   kind: resource
#   resource_types: [aws_codebuild_project]
#   controls: [DAT-3.3]
#   frameworks:
#     checkov: ["CKV_AWS_147"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Name your key:
#       resource "aws_codebuild_project" "app" {
#         # ...
#         encryption_key = aws_kms_key.builds.arn
#       }
package rungs.aws.codebuild.customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_codebuild_project"]

path := ["encryption_key"]

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
	finding := lib.finding(r, "CodeBuild project does not encrypt with a customer-managed KMS key (encryption_key)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "encryption_key is unknown at scan time")
}
