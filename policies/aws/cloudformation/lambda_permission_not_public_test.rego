package rungs.aws.cloudformation.lambda_permission_not_public_test

import rego.v1

import data.rungs.aws.cloudformation.lambda_permission_not_public as policy

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
	res("AWS::Lambda::Permission", "FromBucket", {"Action": "lambda:InvokeFunction", "FunctionName": "f", "Principal": "s3.amazonaws.com", "SourceArn": "arn:aws:s3:::uploads"}),
	res("AWS::Lambda::Permission", "Narrowed", {"Action": "lambda:InvokeFunction", "FunctionName": "f", "Principal": "*", "SourceAccount": "111122223333"}),
	res("AWS::Lambda::Permission", "Anyone", {"Action": "lambda:InvokeFunction", "FunctionName": "f", "Principal": "*"}),
	res("AWS::Lambda::Permission", "Maybe", {"Action": "lambda:InvokeFunction", "FunctionName": "f", "Principal": "${Caller}"}),
	res("AWS::Lambda::Permission", "MaybeNarrowed", {"Action": "lambda:InvokeFunction", "FunctionName": "f", "Principal": "*", "SourceArn": "${SourceParam}"}),
])

passing := doc([
	res("AWS::Lambda::Permission", "FromBucket", {"Action": "lambda:InvokeFunction", "FunctionName": "f", "Principal": "s3.amazonaws.com", "SourceArn": "arn:aws:s3:::uploads"}),
	res("AWS::Lambda::Permission", "Narrowed", {"Action": "lambda:InvokeFunction", "FunctionName": "f", "Principal": "*", "SourceAccount": "111122223333"}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Anyone"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe", "MaybeNarrowed"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
