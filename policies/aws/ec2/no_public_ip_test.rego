package rungs.aws.ec2.no_public_ip_test

import rego.v1

import data.rungs.aws.ec2.no_public_ip as policy

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

instance(cfg) := res("aws_instance", "app", object.union({"ami": "ami-123", "instance_type": "t3.micro"}, cfg))

test_public_ip_denied if {
	findings := policy.deny with input as doc([instance({"associate_public_ip_address": true})])
	addresses(findings) == {"aws_instance.app"}
}

test_no_public_ip_passes if {
	findings := policy.deny with input as doc([instance({"associate_public_ip_address": false}), res("aws_instance", "b", {"ami": "x"})])
	count(findings) == 0
}

test_launch_template_public_ip_denied if {
	lt := res("aws_launch_template", "app", {"network_interfaces": [{"associate_public_ip_address": "true"}]})
	findings := policy.deny with input as doc([lt])
	addresses(findings) == {"aws_launch_template.app"}
}

test_unknown_no_finding if {
	lt := res("aws_launch_template", "app", {"network_interfaces": [{"associate_public_ip_address": "${var.public}"}]})
	findings := policy.deny with input as doc([lt, instance({"associate_public_ip_address": "${var.public}"})])
	count(findings) == 0
}
