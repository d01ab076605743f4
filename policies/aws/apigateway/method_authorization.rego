# METADATA
# title: API Gateway methods require authorization
# description: >-
#   Every REST API method (aws_api_gateway_method) authenticates its callers:
#   authorization is AWS_IAM, COGNITO_USER_POOLS or CUSTOM (a Lambda
#   authorizer), or at least an API key is required. authorization = "NONE"
#   without an API key lets anyone on the network call the backend. CORS
#   preflight methods (OPTIONS) are not judged.
# custom:
#   id: RUNGS-AWS-APIGATEWAY-002
#   severity: high
#   kind: resource
#   resource_types: [aws_api_gateway_method]
#   controls: [IAM-2.3]
#   frameworks:
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     Put an authorizer in front of the method:
#       resource "aws_api_gateway_method" "get_order" {
#         rest_api_id   = aws_api_gateway_rest_api.orders.id
#         resource_id   = aws_api_gateway_resource.order.id
#         http_method   = "GET"
#         authorization = "COGNITO_USER_POOLS"
#         authorizer_id = aws_api_gateway_authorizer.users.id
#       }
package rungs.aws.apigateway.method_authorization

import rego.v1

import data.rungs.lib

deny contains finding if {
	some m in lib.resources("aws_api_gateway_method")
	lib.attr(m, "authorization", "") == "NONE"
	lib.attr(m, "http_method", "") != "OPTIONS"
	# The provider default for api_key_required is false.
	lib.falsy(lib.attr(m, "api_key_required", false))
	finding := lib.finding(m, "API method accepts unauthenticated calls (authorization = \"NONE\" and no API key)")
}

# The arguments the verdict reads: a resource with one of them unknown at scan time is not
# judged, never passed (a denied resource stays a failure).
unknown contains finding if {
	some finding in lib.unjudged(["aws_api_gateway_method"], ["authorization", "http_method", "api_key_required"])
}
