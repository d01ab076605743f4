# METADATA
# title: Lambda permissions do not let every principal invoke a function
# description: >-
#   No aws_lambda_permission grants principal "*" without narrowing it with
#   source_arn, source_account or principal_org_id. Such a statement in the
#   function's resource policy lets any AWS account (or, for function URLs
#   with authorization NONE, anyone on the internet) invoke the function.
# custom:
#   id: RUNGS-AWS-LAMBDA-001
#   severity: high
#   kind: resource
#   resource_types: [aws_lambda_permission]
#   controls: [IAM-2.1]
#   frameworks:
#     csa-ccm-v4: ["IAM-16"]
#   remediation: |
#     Grant the invoking service and pin the source:
#       resource "aws_lambda_permission" "s3_invoke" {
#         statement_id   = "AllowS3Invoke"
#         action         = "lambda:InvokeFunction"
#         function_name  = aws_lambda_function.thumbnail.function_name
#         principal      = "s3.amazonaws.com"
#         source_arn     = aws_s3_bucket.uploads.arn
#         source_account = data.aws_caller_identity.current.account_id
#       }
package rungs.aws.lambda.permission_not_public

import rego.v1

import data.rungs.lib

narrowed(p) if {
	some key in ["source_arn", "source_account", "principal_org_id"]
	lib.is_set(lib.attr(p, key, null))
}

deny contains finding if {
	some p in lib.resources("aws_lambda_permission")
	lib.attr(p, "principal", "") == "*"
	not narrowed(p)
	finding := lib.finding(p, "Lambda permission lets every principal (\"*\") invoke the function (no source_arn, source_account or principal_org_id)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_lambda_permission"], ["principal"])
}
