package rungs.aws.cloudformation.sg_no_public_data_ports_test

import rego.v1

import data.rungs.aws.cloudformation.sg_no_public_data_ports as policy

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
	res("AWS::EC2::SecurityGroup", "Db", {"GroupDescription": "db", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "SourceSecurityGroupId": "sg-app"}]}),
	res("AWS::EC2::SecurityGroup", "Postgres", {"GroupDescription": "pg", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "CidrIp": "0.0.0.0/0"}]}),
	res("AWS::EC2::SecurityGroupIngress", "Range", {"GroupId": "sg-1", "IpProtocol": "tcp", "FromPort": 6000, "ToPort": 6500, "CidrIpv6": "::/0"}),
	res("AWS::EC2::SecurityGroup", "Maybe", {"GroupDescription": "maybe", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": "${Port}", "ToPort": "${Port}", "CidrIp": "0.0.0.0/0"}]}),
])

passing := doc([
	res("AWS::EC2::SecurityGroup", "Web", {"GroupDescription": "web", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"}]}),
	res("AWS::EC2::SecurityGroup", "Db", {"GroupDescription": "db", "SecurityGroupIngress": [{"IpProtocol": "tcp", "FromPort": 5432, "ToPort": 5432, "SourceSecurityGroupId": "sg-app"}]}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Postgres", "Range"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
