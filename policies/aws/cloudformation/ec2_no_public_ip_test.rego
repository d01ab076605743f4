package rungs.aws.cloudformation.ec2_no_public_ip_test

import rego.v1

import data.rungs.aws.cloudformation.ec2_no_public_ip as policy

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
	res("AWS::EC2::Instance", "Private", {"ImageId": "ami-1", "NetworkInterfaces": [{"DeviceIndex": "0", "AssociatePublicIpAddress": false}]}),
	res("AWS::EC2::Instance", "Bare", {"ImageId": "ami-1"}),
	res("AWS::EC2::Instance", "Public", {"ImageId": "ami-1", "NetworkInterfaces": [{"DeviceIndex": "0", "AssociatePublicIpAddress": true}]}),
	res("AWS::EC2::LaunchTemplate", "PublicTemplate", {"LaunchTemplateData": {"NetworkInterfaces": [{"DeviceIndex": 0, "AssociatePublicIpAddress": "true"}]}}),
	res("AWS::EC2::Instance", "Maybe", {"ImageId": "ami-1", "NetworkInterfaces": [{"DeviceIndex": "0", "AssociatePublicIpAddress": "${Public}"}]}),
])

passing := doc([
	res("AWS::EC2::Instance", "Private", {"ImageId": "ami-1", "NetworkInterfaces": [{"DeviceIndex": "0", "AssociatePublicIpAddress": false}]}),
	res("AWS::EC2::Instance", "Bare", {"ImageId": "ami-1"}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Public", "PublicTemplate"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
