package rungs.aws.ec2.subnet_no_auto_public_ip_test

import rego.v1

import data.rungs.aws.ec2.subnet_no_auto_public_ip as policy

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

subnet(cfg) := res("aws_subnet", "public", object.union({"vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.0.0/24"}, cfg))

test_auto_public_ip_denied if {
	addresses(policy.deny) == {"aws_subnet.public"} with input as doc([subnet({"map_public_ip_on_launch": true})])
	addresses(policy.deny) == {"aws_subnet.public"} with input as doc([subnet({"map_public_ip_on_launch": "true"})])
}

test_default_and_false_pass if {
	count(policy.deny) == 0 with input as doc([subnet({})])
	count(policy.deny) == 0 with input as doc([subnet({"map_public_ip_on_launch": false})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([subnet({"map_public_ip_on_launch": "${var.public}"})])
}
