package rungs.aws.dynamodb.point_in_time_recovery_test

import rego.v1

import data.rungs.aws.dynamodb.point_in_time_recovery as policy

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

table(cfg) := res("aws_dynamodb_table", "orders", object.union({"name": "orders", "hash_key": "id"}, cfg))

test_default_denied if {
	addresses(policy.deny) == {"aws_dynamodb_table.orders"} with input as doc([table({})])
	addresses(policy.deny) == {"aws_dynamodb_table.orders"} with input as doc([table({"point_in_time_recovery": [{"enabled": false}]})])
}

test_enabled_passes if {
	count(policy.deny) == 0 with input as doc([table({"point_in_time_recovery": [{"enabled": true}]})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([table({"point_in_time_recovery": [{"enabled": "${var.pitr}"}]})])
}
