package rungs.aws.apigateway.stage_access_logging_test

import rego.v1

import data.rungs.aws.apigateway.stage_access_logging as policy

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

rest(cfg) := res("aws_api_gateway_stage", "prod", object.union({"stage_name": "prod", "rest_api_id": "${aws_api_gateway_rest_api.api.id}"}, cfg))

http(cfg) := res("aws_apigatewayv2_stage", "default", object.union({"name": "$default", "api_id": "${aws_apigatewayv2_api.api.id}"}, cfg))

logs := [{"destination_arn": "${aws_cloudwatch_log_group.api.arn}", "format": "$context.requestId"}]

test_no_access_logs_denied if {
	addresses(policy.deny) == {"aws_api_gateway_stage.prod"} with input as doc([rest({})])
	addresses(policy.deny) == {"aws_apigatewayv2_stage.default"} with input as doc([http({})])
}

test_access_logs_pass if {
	count(policy.deny) == 0 with input as doc([rest({"access_log_settings": logs}), http({"access_log_settings": logs})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([rest({"access_log_settings": [{"destination_arn": "${var.log_group_arn}", "format": "x"}]})])
}
