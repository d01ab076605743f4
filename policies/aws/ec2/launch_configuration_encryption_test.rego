package rungs.aws.ec2.launch_configuration_encryption_test

import rego.v1

import data.rungs.aws.ec2.launch_configuration_encryption as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

test_encrypted_root_passes if {
	d := doc([res("aws_launch_configuration", "x", {"root_block_device": [{"encrypted": true}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_root_block_is_denied if {
	d := doc([res("aws_launch_configuration", "x", {"image_id": "ami-1"})])
	addresses(policy.deny) == {"aws_launch_configuration.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unencrypted_data_volume_is_denied if {
	d := doc([res("aws_launch_configuration", "x", {"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"device_name": "/dev/sdf"}]})])
	addresses(policy.deny) == {"aws_launch_configuration.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_snapshot_volume_is_not_judged_here if {
	d := doc([res("aws_launch_configuration", "x", {"root_block_device": [{"encrypted": true}], "ebs_block_device": [{"device_name": "/dev/sdf", "snapshot_id": "snap-1"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_flag_is_not_judged if {
	d := doc([res("aws_launch_configuration", "x", {"root_block_device": [{"encrypted": "${var.enc}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_launch_configuration.x"} with input as d
}
