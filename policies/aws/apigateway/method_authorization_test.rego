package rungs.aws.apigateway.method_authorization_test

import rego.v1

import data.rungs.aws.apigateway.method_authorization as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "aws", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

type_key(x) := concat(".", ["data", x.type]) if x.mode == "data"

type_key(x) := x.type if x.mode != "data"

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; type_key(x) == k] | some y in rs; k := type_key(y)},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

method(cfg) := res("aws_api_gateway_method", "get", object.union({"rest_api_id": "${aws_api_gateway_rest_api.api.id}", "resource_id": "${aws_api_gateway_resource.r.id}", "http_method": "GET"}, cfg))

test_open_method_denied if {
	addresses(policy.deny) == {"aws_api_gateway_method.get"} with input as doc([method({"authorization": "NONE"})])
	addresses(policy.deny) == {"aws_api_gateway_method.get"} with input as doc([method({"authorization": "NONE", "api_key_required": false})])
}

test_authorized_methods_pass if {
	count(policy.deny) == 0 with input as doc([method({"authorization": "AWS_IAM"})])
	count(policy.deny) == 0 with input as doc([method({"authorization": "COGNITO_USER_POOLS", "authorizer_id": "${aws_api_gateway_authorizer.users.id}"})])
	count(policy.deny) == 0 with input as doc([method({"authorization": "NONE", "api_key_required": true})])
}

test_options_not_judged if {
	count(policy.deny) == 0 with input as doc([method({"authorization": "NONE", "http_method": "OPTIONS"})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([method({"authorization": "${var.authorization}"})])
	count(policy.deny) == 0 with input as doc([method({"authorization": "NONE", "api_key_required": "${var.api_key_required}"})])
}
