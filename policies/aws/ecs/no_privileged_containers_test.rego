package rungs.aws.ecs.no_privileged_containers_test

import rego.v1

import data.rungs.aws.ecs.no_privileged_containers as policy

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

test_privileged_denied if {
	addresses(policy.deny) == {"aws_ecs_task_definition.app"} with input as doc([td([{"name": "app", "image": "app:1", "privileged": true}])])
	addresses(policy.deny) == {"aws_ecs_task_definition.app"} with input as doc([td([{"name": "app", "image": "app:1"}, {"name": "agent", "image": "agent:1", "privileged": true}])])
}

test_unprivileged_passes if {
	count(policy.deny) == 0 with input as doc([td([{"name": "app", "image": "app:1"}, {"name": "sidecar", "image": "s:1", "privileged": false}])])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([td([{"name": "app", "image": "app:1", "privileged": "${var.privileged}"}])])
	count(policy.deny) == 0 with input as doc([res("aws_ecs_task_definition", "app", {"family": "app", "container_definitions": "${file(\"containers.json\")}"})])
}
