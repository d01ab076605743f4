package rungs.aws.cloudformation.nacl_no_public_admin_ports_test

import rego.v1

import data.rungs.aws.cloudformation.nacl_no_public_admin_ports as policy

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
	res("AWS::EC2::NetworkAclEntry", "Https", {"NetworkAclId": "acl-1", "RuleNumber": 100, "Protocol": 6, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 443, "To": 443}}),
	res("AWS::EC2::NetworkAclEntry", "VpnSsh", {"NetworkAclId": "acl-1", "RuleNumber": 110, "Protocol": 6, "RuleAction": "allow", "CidrBlock": "10.0.0.0/8", "PortRange": {"From": 22, "To": 22}}),
	res("AWS::EC2::NetworkAclEntry", "DenySsh", {"NetworkAclId": "acl-1", "RuleNumber": 90, "Protocol": 6, "RuleAction": "deny", "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 22, "To": 22}}),
	res("AWS::EC2::NetworkAclEntry", "Outbound", {"NetworkAclId": "acl-1", "RuleNumber": 100, "Protocol": -1, "Egress": true, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"}),
	res("AWS::EC2::NetworkAclEntry", "Ssh", {"NetworkAclId": "acl-1", "RuleNumber": 120, "Protocol": 6, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 22, "To": 22}}),
	res("AWS::EC2::NetworkAclEntry", "Everything", {"NetworkAclId": "acl-1", "RuleNumber": 130, "Protocol": "-1", "RuleAction": "allow", "Ipv6CidrBlock": "::/0"}),
	res("AWS::EC2::NetworkAclEntry", "Maybe", {"NetworkAclId": "acl-1", "RuleNumber": 140, "Protocol": 6, "RuleAction": "allow", "CidrBlock": "${Cidr}", "PortRange": {"From": 3389, "To": 3389}}),
])

passing := doc([
	res("AWS::EC2::NetworkAclEntry", "Https", {"NetworkAclId": "acl-1", "RuleNumber": 100, "Protocol": 6, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 443, "To": 443}}),
	res("AWS::EC2::NetworkAclEntry", "VpnSsh", {"NetworkAclId": "acl-1", "RuleNumber": 110, "Protocol": 6, "RuleAction": "allow", "CidrBlock": "10.0.0.0/8", "PortRange": {"From": 22, "To": 22}}),
	res("AWS::EC2::NetworkAclEntry", "DenySsh", {"NetworkAclId": "acl-1", "RuleNumber": 90, "Protocol": 6, "RuleAction": "deny", "CidrBlock": "0.0.0.0/0", "PortRange": {"From": 22, "To": 22}}),
	res("AWS::EC2::NetworkAclEntry", "Outbound", {"NetworkAclId": "acl-1", "RuleNumber": 100, "Protocol": -1, "Egress": true, "RuleAction": "allow", "CidrBlock": "0.0.0.0/0"}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Everything", "Ssh"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
