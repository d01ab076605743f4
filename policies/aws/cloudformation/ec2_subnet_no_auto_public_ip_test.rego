package rungs.aws.cloudformation.ec2_subnet_no_auto_public_ip_test

import rego.v1

import data.rungs.aws.cloudformation.ec2_subnet_no_auto_public_ip as policy

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
	res("AWS::EC2::Subnet", "Private", {"CidrBlock": "10.0.1.0/24", "VpcId": "vpc-1"}),
	res("AWS::EC2::Subnet", "Off", {"CidrBlock": "10.0.2.0/24", "VpcId": "vpc-1", "MapPublicIpOnLaunch": false}),
	res("AWS::EC2::Subnet", "Public", {"CidrBlock": "10.0.3.0/24", "VpcId": "vpc-1", "MapPublicIpOnLaunch": true}),
	res("AWS::EC2::Subnet", "Maybe", {"CidrBlock": "10.0.4.0/24", "VpcId": "vpc-1", "MapPublicIpOnLaunch": "${Fn::If Pub}"}),
])

passing := doc([
	res("AWS::EC2::Subnet", "Private", {"CidrBlock": "10.0.1.0/24", "VpcId": "vpc-1"}),
	res("AWS::EC2::Subnet", "Off", {"CidrBlock": "10.0.2.0/24", "VpcId": "vpc-1", "MapPublicIpOnLaunch": false}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Public"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
