package rungs.aws.ec2.ebs_encryption_test

import rego.v1

import data.rungs.aws.ec2.ebs_encryption as policy

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

volume(cfg) := res("aws_ebs_volume", "data", object.union({"availability_zone": "eu-west-1a", "size": 10}, cfg))

instance(cfg) := res("aws_instance", "app", object.union({"ami": "ami-123", "instance_type": "t3.micro"}, cfg))

test_unencrypted_volume_denied if {
	findings := policy.deny with input as doc([volume({})])
	addresses(findings) == {"aws_ebs_volume.data"}
}

test_encrypted_volume_passes if {
	findings := policy.deny with input as doc([volume({"encrypted": true})])
	count(findings) == 0
}

test_volume_from_snapshot_not_judged if {
	findings := policy.deny with input as doc([volume({"snapshot_id": "snap-123"})])
	count(findings) == 0
}

test_instance_without_root_block_device_denied if {
	findings := policy.deny with input as doc([instance({})])
	addresses(findings) == {"aws_instance.app"}
}

test_instance_unencrypted_ebs_device_denied if {
	findings := policy.deny with input as doc([instance({"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"device_name": "/dev/sdf", "volume_size": 10}]})])
	count(findings) == 1
}

test_instance_encrypted_passes if {
	findings := policy.deny with input as doc([instance({"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"device_name": "/dev/sdf", "encrypted": true}]})])
	count(findings) == 0
}

test_default_encryption_covers_all if {
	findings := policy.deny with input as doc([volume({}), instance({}), res("aws_ebs_encryption_by_default", "this", {"enabled": true})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([volume({"encrypted": "${var.encrypted}"}), instance({"root_block_device": [{"encrypted": "${var.encrypted}"}]})])
	count(findings) == 0
}

test_instance_from_launch_template_root_not_judged if {
	inst := instance({"launch_template": [{"id": "${aws_launch_template.app.id}"}]})
	findings := policy.deny with input as doc([inst])
	count(findings) == 0
}

test_unknown_encrypted_is_not_judged if {
	inp := doc([res("aws_ebs_volume", "x", {"encrypted": "${var.x}"})])
	policy.unknown == {{"resource": "aws_ebs_volume.x", "message": "encrypted is unknown at scan time"}} with input as inp
	count(policy.deny) == 0 with input as inp
}

test_default_encryption_covers_only_its_provider_configuration if {
	replica := res("aws_ebs_encryption_by_default", "replica", {"enabled": true, "provider": "${aws.replica}"})
	d := doc([volume({}), replica])
	addresses(policy.deny) == {"aws_ebs_volume.data"} with input as d
	same := doc([volume({"provider": "${aws.replica}"}), replica])
	count(policy.deny) == 0 with input as same
	count(policy.unknown) == 0 with input as same
}

test_default_encryption_in_another_module_is_unknown if {
	e := object.union(res("aws_ebs_encryption_by_default", "this", {"enabled": true}), {"module": "module.account"})
	d := doc([volume({}), e])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"aws_ebs_volume.data"} with input as d
}
