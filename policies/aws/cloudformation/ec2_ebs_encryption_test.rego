package rungs.aws.cloudformation.ec2_ebs_encryption_test

import rego.v1

import data.rungs.aws.cloudformation.ec2_ebs_encryption as policy

res(t, id, props) := {"address": id, "ref": id, "type": t, "name": id, "provider": "cloudformation", "mode": "managed", "module": "", "file": "t.yaml", "line": 1, "end_line": 2, "config": props}

doc(rs) := {
	"schema_version": 1,
	"root": "t.yaml",
	"files": ["t.yaml"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
	"providers": [],
}

addresses(findings) := {f.resource | some f in findings}

cases := doc([
	res("AWS::EC2::Volume", "Enc", {"Encrypted": true, "Size": 10}),
	res("AWS::EC2::Volume", "FromSnapshot", {"SnapshotId": "snap-1"}),
	res("AWS::EC2::Volume", "Plain", {"Size": 10}),
	res("AWS::EC2::Volume", "Maybe", {"Encrypted": "${Enc}"}),
	res("AWS::EC2::Volume", "MaybeSnapshot", {"SnapshotId": "${Snapshot}"}),
	res("AWS::EC2::Instance", "Server", {"ImageId": "ami-1", "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": true}}]}),
	res("AWS::EC2::Instance", "Worker", {"ImageId": "ami-1", "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": true}}, {"DeviceName": "/dev/sdf", "Ebs": {"VolumeSize": 10}}]}),
	res("AWS::EC2::LaunchTemplate", "Template", {"LaunchTemplateData": {"BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": false}}]}}),
	res("AWS::EC2::LaunchTemplate", "Undecided", {"LaunchTemplateData": {"BlockDeviceMappings": "${Fn::If Big}"}}),
])

passing := doc([
	res("AWS::EC2::Volume", "Enc", {"Encrypted": true, "Size": 10}),
	res("AWS::EC2::Volume", "FromSnapshot", {"SnapshotId": "snap-1"}),
	res("AWS::EC2::Instance", "Server", {"ImageId": "ami-1", "BlockDeviceMappings": [{"DeviceName": "/dev/xvda", "Ebs": {"Encrypted": true}}]}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Plain", "Template", "Worker"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe", "MaybeSnapshot", "Undecided"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
