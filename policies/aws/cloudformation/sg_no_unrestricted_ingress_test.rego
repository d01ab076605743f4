package rungs.aws.cloudformation.sg_no_unrestricted_ingress_test

import rego.v1

import data.rungs.aws.cloudformation.sg_no_unrestricted_ingress as policy

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
	res("AWS::EC2::SecurityGroup", "Web", {"GroupDescription": "web", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"}]}),
	res("AWS::EC2::SecurityGroup", "Internal", {"GroupDescription": "internal", "SecurityGroupIngress": [{"IpProtocol": "-1", "CidrIp": "10.0.0.0/8"}]}),
	res("AWS::EC2::SecurityGroup", "Open", {"GroupDescription": "open", "SecurityGroupIngress": [{"IpProtocol": "-1", "CidrIp": "0.0.0.0/0"}]}),
	res("AWS::EC2::SecurityGroupIngress", "OpenRule", {"GroupId": "sg-1", "IpProtocol": -1, "CidrIpv6": "::/0"}),
	res("AWS::EC2::SecurityGroup", "Maybe", {"GroupDescription": "maybe", "SecurityGroupIngress": [{"IpProtocol": "-1", "CidrIp": "${Cidr}"}]}),
])

passing := doc([
	res("AWS::EC2::SecurityGroup", "Web", {"GroupDescription": "web", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"}]}),
	res("AWS::EC2::SecurityGroup", "Internal", {"GroupDescription": "internal", "SecurityGroupIngress": [{"IpProtocol": "-1", "CidrIp": "10.0.0.0/8"}]}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Open", "OpenRule"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
