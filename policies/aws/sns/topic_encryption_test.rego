package rungs.aws.sns.topic_encryption_test

import rego.v1

import data.rungs.aws.sns.topic_encryption as policy

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

topic(cfg) := res("aws_sns_topic", "alerts", object.union({"name": "alerts"}, cfg))

test_unencrypted_denied if {
	addresses(policy.deny) == {"aws_sns_topic.alerts"} with input as doc([topic({})])
	addresses(policy.deny) == {"aws_sns_topic.alerts"} with input as doc([topic({"kms_master_key_id": ""})])
}

test_encrypted_passes if {
	count(policy.deny) == 0 with input as doc([topic({"kms_master_key_id": "alias/aws/sns"})])
	count(policy.deny) == 0 with input as doc([topic({"kms_master_key_id": "${aws_kms_key.alerts.id}"})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([topic({"kms_master_key_id": "${var.kms_key_id}"})])
}
