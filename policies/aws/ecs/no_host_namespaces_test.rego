package rungs.aws.ecs.no_host_namespaces_test

import rego.v1

import data.rungs.aws.ecs.no_host_namespaces as policy

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

td(cfg) := res("aws_ecs_task_definition", "app", object.union({"family": "app", "container_definitions": "[]"}, cfg))

test_host_modes_denied if {
	addresses(policy.deny) == {"aws_ecs_task_definition.app"} with input as doc([td({"network_mode": "host"})])
	addresses(policy.deny) == {"aws_ecs_task_definition.app"} with input as doc([td({"network_mode": "awsvpc", "pid_mode": "host"})])
	addresses(policy.deny) == {"aws_ecs_task_definition.app"} with input as doc([td({"ipc_mode": "host"})])
}

test_isolated_modes_pass if {
	count(policy.deny) == 0 with input as doc([td({"network_mode": "awsvpc"})])
	count(policy.deny) == 0 with input as doc([td({"network_mode": "bridge", "pid_mode": "task"})])
	count(policy.deny) == 0 with input as doc([td({})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([td({"network_mode": "${var.network_mode}"})])
}
