package rungs.aws.cloudformation.sg_no_public_admin_ports_test

import rego.v1

import data.rungs.aws.cloudformation.sg_no_public_admin_ports as policy

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

rule(cidr, from, to) := {"IpProtocol": "tcp", "FromPort": from, "ToPort": to, "CidrIp": cidr}

test_ssh_from_anywhere_denied if {
	d := doc([
		res("AWS::EC2::SecurityGroup", "Open", {"SecurityGroupIngress": [rule("0.0.0.0/0", 22, 22)]}),
		res("AWS::EC2::SecurityGroup", "Vpn", {"SecurityGroupIngress": [rule("10.0.0.0/8", 22, 22)]}),
		res("AWS::EC2::SecurityGroup", "Web", {"SecurityGroupIngress": [rule("0.0.0.0/0", 443, 443)]}),
	])
	addresses(policy.deny) == {"Open"} with input as d
}

test_standalone_ingress_ranges_and_all_protocols if {
	d := doc([
		res("AWS::EC2::SecurityGroupIngress", "Rdp", {"IpProtocol": "tcp", "FromPort": "3000", "ToPort": "4000", "CidrIpv6": "::/0", "GroupId": "${Sg}"}),
		res("AWS::EC2::SecurityGroupIngress", "All", {"IpProtocol": -1, "CidrIp": "0.0.0.0/0", "GroupId": "${Sg}"}),
		res("AWS::EC2::SecurityGroupIngress", "Udp", {"IpProtocol": "udp", "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}),
	])
	addresses(policy.deny) == {"Rdp", "All"} with input as d
}

test_unknown_cidr_not_judged if {
	d := doc([res("AWS::EC2::SecurityGroup", "P", {"SecurityGroupIngress": [rule("${AdminCidr}", 22, 22)]})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"P"} with input as d
}

test_unknown_ingress_list_not_judged if {
	d := doc([res("AWS::EC2::SecurityGroup", "L", {"SecurityGroupIngress": "${Fn::If Open}"})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"L"} with input as d
}

# A numeric IpProtocol (-1, 6) is read, not an error that would hide every other finding
# (lower() on a number: an error under OPA's strict built-ins, .ci/opa-check.py).
test_numeric_protocols_are_read if {
	d := doc([
		res("AWS::EC2::SecurityGroupIngress", "All", {"IpProtocol": -1, "CidrIp": "0.0.0.0/0"}),
		res("AWS::EC2::SecurityGroupIngress", "Tcp", {"IpProtocol": 6, "FromPort": 22, "ToPort": 22, "CidrIp": "0.0.0.0/0"}),
		res("AWS::EC2::SecurityGroupIngress", "Web", {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "CidrIp": "0.0.0.0/0"}),
	])
	addresses(policy.deny) == {"All", "Tcp"} with input as d
}
