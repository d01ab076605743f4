# METADATA
# title: SNS topics are encrypted with a customer-managed key
# description: >-
#   SNS topics name a customer-managed KMS key in kms_master_key_id; the AWS
#   managed key alias/aws/sns cannot be shared with the services and accounts
#   that publish.
# custom:
#   id: RUNGS-AWS-SNS-003
#   severity: low
#   kind: resource
#   resource_types: [aws_sns_topic]
#   controls: [DAT-3.3]
#   frameworks:
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Name your key:
#       resource "aws_sns_topic" "main" {
#         # ...
#         kms_master_key_id = aws_kms_key.data.arn
#       }
package rungs.aws.sns.customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_sns_topic"]

path := ["kms_master_key_id"]

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
	finding := lib.finding(r, "SNS topic is not encrypted with a customer-managed KMS key (kms_master_key_id)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	undecided(r)
	finding := lib.finding(r, "kms_master_key_id is unknown at scan time")
}
