package rungs.aws.cloudformation.apigateway_stage_access_logging_test

import rego.v1

import data.rungs.aws.cloudformation.apigateway_stage_access_logging as policy

res(t, id, props) := {"address": id, "ref": id, "type": t, "name": id, "provider": "cloudformation", "mode": "managed", "module": "", "file": "t.yaml", "line": 1, "end_line": 2, "config": props}

doc(rs) := {
	"schema_version": 1,
	"root": "t.yaml",
	"files": ["t.yaml"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
	"providers": [],
}

addresses(findings) := {f.resource | some f in findings}

cases := doc([
	res("AWS::ApiGateway::Stage", "Logged", {"RestApiId": "abc123", "DeploymentId": "dep1", "StageName": "prod", "AccessLogSetting": {"DestinationArn": "${ApiLogs.Arn}", "Format": "$context.requestId"}}),
	res("AWS::ApiGatewayV2::Stage", "HttpLogged", {"ApiId": "abc123", "StageName": "prod", "AccessLogSettings": {"DestinationArn": "arn:aws:logs:eu-west-1:111122223333:log-group:api", "Format": "$context.requestId"}}),
	res("AWS::ApiGateway::Stage", "Silent", {"RestApiId": "abc123", "DeploymentId": "dep1", "StageName": "dev"}),
	res("AWS::ApiGatewayV2::Stage", "HttpSilent", {"ApiId": "abc123", "StageName": "dev"}),
	res("AWS::ApiGateway::Stage", "Maybe", {"RestApiId": "abc123", "DeploymentId": "dep1", "StageName": "qa", "AccessLogSetting": "${Fn::If Prod}"}),
	res("AWS::Logs::LogGroup", "ApiLogs", {}),
])

passing := doc([
	res("AWS::ApiGateway::Stage", "Logged", {"RestApiId": "abc123", "DeploymentId": "dep1", "StageName": "prod", "AccessLogSetting": {"DestinationArn": "${ApiLogs.Arn}", "Format": "$context.requestId"}}),
	res("AWS::ApiGatewayV2::Stage", "HttpLogged", {"ApiId": "abc123", "StageName": "prod", "AccessLogSettings": {"DestinationArn": "arn:aws:logs:eu-west-1:111122223333:log-group:api", "Format": "$context.requestId"}}),
	res("AWS::Logs::LogGroup", "ApiLogs", {}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"HttpSilent", "Silent"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
