# METADATA
# title: Lambda function URLs require IAM authentication
# description: >-
#   Every Lambda function URL (aws_lambda_function_url) uses
#   authorization_type = "AWS_IAM", so that callers sign their requests.
#   authorization_type = "NONE" publishes the function on the internet with
#   no authentication at all; put a webhook behind API Gateway with an
#   authorizer instead, or verify a signature and document the exception.
# custom:
#   id: RUNGS-AWS-LAMBDA-002
#   severity: high
#   kind: resource
#   resource_types: [aws_lambda_function_url]
#   controls: [IAM-2.3]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Require SigV4-signed requests:
#       resource "aws_lambda_function_url" "api" {
#         function_name      = aws_lambda_function.api.function_name
#         authorization_type = "AWS_IAM"
#       }
package rungs.aws.lambda.function_url_auth

import rego.v1

import data.rungs.lib

deny contains finding if {
	some u in lib.resources("aws_lambda_function_url")
	lib.attr(u, "authorization_type", "") == "NONE"
	finding := lib.finding(u, "Lambda function URL accepts unauthenticated requests (authorization_type = \"NONE\")")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_lambda_function_url"], ["authorization_type"])
}
