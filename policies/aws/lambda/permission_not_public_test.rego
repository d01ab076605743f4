package rungs.aws.lambda.permission_not_public_test

import rego.v1

import data.rungs.aws.lambda.permission_not_public as policy

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

perm(cfg) := res("aws_lambda_permission", "invoke", object.union({"action": "lambda:InvokeFunction", "function_name": "${aws_lambda_function.f.function_name}"}, cfg))

test_open_permission_denied if {
	addresses(policy.deny) == {"aws_lambda_permission.invoke"} with input as doc([perm({"principal": "*"})])
	addresses(policy.deny) == {"aws_lambda_permission.invoke"} with input as doc([perm({"principal": "*", "action": "lambda:InvokeFunctionUrl", "function_url_auth_type": "NONE"})])
}

test_narrowed_or_service_principal_passes if {
	count(policy.deny) == 0 with input as doc([perm({"principal": "*", "principal_org_id": "o-abc123"})])
	count(policy.deny) == 0 with input as doc([perm({"principal": "*", "source_account": "111122223333"})])
	count(policy.deny) == 0 with input as doc([perm({"principal": "s3.amazonaws.com", "source_arn": "${aws_s3_bucket.b.arn}"})])
	count(policy.deny) == 0 with input as doc([perm({"principal": "events.amazonaws.com"})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([perm({"principal": "${var.principal}"})])
	count(policy.deny) == 0 with input as doc([perm({"principal": "*", "source_arn": "${var.source_arn}"})])
}
