package rungs.aws.sqs.queue_encryption_test

import rego.v1

import data.rungs.aws.sqs.queue_encryption as policy

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

queue(cfg) := res("aws_sqs_queue", "jobs", object.union({"name": "jobs"}, cfg))

test_sse_off_or_undeclared_denied if {
	addresses(policy.deny) == {"aws_sqs_queue.jobs"} with input as doc([queue({"sqs_managed_sse_enabled": false})])
	addresses(policy.deny) == {"aws_sqs_queue.jobs"} with input as doc([queue({"sqs_managed_sse_enabled": false, "kms_master_key_id": ""})])
	addresses(policy.deny) == {"aws_sqs_queue.jobs"} with input as doc([queue({})])
}

test_declared_sse_sqs_and_kms_pass if {
	count(policy.deny) == 0 with input as doc([queue({"sqs_managed_sse_enabled": true})])
	count(policy.deny) == 0 with input as doc([queue({"kms_master_key_id": "${aws_kms_key.data.id}"})])
	count(policy.deny) == 0 with input as doc([queue({"kms_master_key_id": "alias/aws/sqs"})])
	count(policy.unknown) == 0 with input as doc([queue({"kms_master_key_id": "${aws_kms_key.data.id}"})])
}

test_unknown_is_unknown_not_passed if {
	addresses(policy.unknown) == {"aws_sqs_queue.jobs"} with input as doc([queue({"sqs_managed_sse_enabled": "${var.sse}"})])
	addresses(policy.unknown) == {"aws_sqs_queue.jobs"} with input as doc([queue({"sqs_managed_sse_enabled": false, "kms_master_key_id": "${var.kms_key_id}"})])
	count(policy.deny) == 0 with input as doc([queue({"sqs_managed_sse_enabled": "${var.sse}"})])
	count(policy.unknown) == 0 with input as doc([queue({"sqs_managed_sse_enabled": "${var.sse}", "kms_master_key_id": "${aws_kms_key.data.id}"})])
}
