# METADATA
# title: Lambda environment variables are encrypted with a customer-managed key
# description: >-
#   Lambda functions with environment variables name a customer-managed KMS key
#   in kms_key_arn; without it the variables are encrypted with the AWS managed
#   key aws/lambda, readable by anyone allowed to read the function's
#   configuration. Functions without environment variables are not judged.
# custom:
#   id: RUNGS-AWS-LAMBDA-003
#   severity: low
#   kind: resource
#   resource_types: [aws_lambda_function]
#   controls: [DAT-3.3]
#   frameworks:
#     checkov: ["CKV_AWS_173"]
#     csa-ccm-v4: ["CEK-03"]
#   remediation: |
#     Name your key:
#       resource "aws_lambda_function" "app" {
#         # ...
#         kms_key_arn = aws_kms_key.lambda.arn
#         environment {
#           variables = { TABLE = aws_dynamodb_table.orders.name }
#         }
#       }
package rungs.aws.lambda.environment_customer_managed_key

import rego.v1

import data.rungs.lib
import data.rungs.lib.checks

types := ["aws_lambda_function"]

path := ["kms_key_arn"]

# Without a key the service encrypts with its AWS managed key, which is not customer-managed.
value(r) := checks.setting(r, path, null)

good(v) if checks.kms_key_ref(v)

# Only functions with environment variables (or variables the scan cannot see).
applies(r) if {
	some e in lib.blocks(r, "environment")
	vars := object.get(e, "variables", {})
	is_object(vars)
	count(vars) > 0
}

applies(r) if {
	some e in lib.blocks(r, "environment")
	lib.is_unknown(object.get(e, "variables", null))
}

applies(r) if lib.is_unknown(lib.attr(r, "environment", null))

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
	applies(r)
	not undecided(r)
	v := value(r)
	not good(v)
	finding := lib.finding(r, "Lambda function environment variables are not encrypted with a customer-managed KMS key (kms_key_arn)")
}

unknown contains finding if {
	some t in types
	some r in lib.resources(t)
	applies(r)
	undecided(r)
	finding := lib.finding(r, "kms_key_arn is unknown at scan time")
}
