package rungs.aws.ecs.read_only_root_filesystem_test

import rego.v1

import data.rungs.aws.ecs.read_only_root_filesystem as policy

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

td(containers) := res("aws_ecs_task_definition", "app", {"family": "app", "container_definitions": json.marshal(containers)})

test_writable_root_denied if {
	addresses(policy.deny) == {"aws_ecs_task_definition.app"} with input as doc([td([{"name": "app", "image": "app:1"}])])
	addresses(policy.deny) == {"aws_ecs_task_definition.app"} with input as doc([td([{"name": "app", "image": "app:1", "readonlyRootFilesystem": true}, {"name": "log", "image": "log:1", "readonlyRootFilesystem": false}])])
}

test_read_only_passes if {
	count(policy.deny) == 0 with input as doc([td([{"name": "app", "image": "app:1", "readonlyRootFilesystem": true}])])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([td([{"name": "app", "image": "app:1", "readonlyRootFilesystem": "${var.read_only}"}])])
	count(policy.deny) == 0 with input as doc([res("aws_ecs_task_definition", "app", {"family": "app", "container_definitions": "${var.containers}"})])
}
