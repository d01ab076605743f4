package rungs.lib.cloudformation_test

import rego.v1

import data.rungs.lib.cloudformation as cfn

res(props) := {"address": "R", "ref": "R", "type": "AWS::IAM::Role", "name": "R", "provider": "cloudformation", "mode": "managed", "module": "", "file": "t.yaml", "line": 1, "end_line": 2, "config": props}

test_statements_of_one_object_a_list_or_none if {
	cfn.statements({"Statement": {"Effect": "Allow"}}) == [{"Effect": "Allow"}]
	cfn.statements({"Statement": [{"Effect": "Deny"}]}) == [{"Effect": "Deny"}]
	cfn.statements({"Version": "2012-10-17"}) == []
	cfn.statements("${Doc}") == []
}

test_documents_inline_and_attached if {
	r := res({"PolicyDocument": {"Statement": []}, "Policies": [{"PolicyName": "p", "PolicyDocument": {"Statement": [{"Effect": "Allow"}]}}]})
	count(cfn.documents(r)) == 2
	count(cfn.documents(res({"Policies": "${Unknown}"}))) == 0
}

test_enabled_and_undecided if {
	cfn.enabled(res({"X": true}), "X")
	cfn.enabled(res({"X": "true"}), "X")
	not cfn.enabled(res({"X": false}), "X")
	not cfn.enabled(res({}), "X")
	cfn.undecided(res({"X": "${P}"}), "X")
	not cfn.undecided(res({"X": true}), "X")
}

test_holds if {
	cfn.holds("*", "*")
	cfn.holds(["s3:GetObject", "*"], "*")
	not cfn.holds(["s3:*"], "*")
}

doc(rs) := {"resources": rs, "resources_by_type": {}}

test_at_reads_a_path_and_stops_at_unknowns if {
	r := res({"A": {"B": [{"C": 1}]}, "U": "${Fn::If X}", "N": null})
	cfn.at(r, ["A", "B", 0, "C"], 9) == 1
	cfn.at(r, ["A", "Z"], 9) == 9
	cfn.at(r, ["N"], 9) == 9
	cfn.at(r, ["U", "B"], 9) == "${Fn::If X}"
	cfn.at(r, ["U"], 9) == "${Fn::If X}"
}

test_tri_set if {
	d := doc([res({}), {"address": "Key"}])
	cfn.tri_set("arn:aws:kms:eu-west-1:1:key/x") == "pass" with input as d
	cfn.tri_set("${Key.Arn}") == "pass" with input as d
	cfn.tri_set("${KeyParam}") == "unknown" with input as d
	cfn.tri_set("") == "fail" with input as d
	cfn.tri_set(null) == "fail" with input as d
	cfn.tri_set([]) == "fail" with input as d
}

test_ref_id if {
	cfn.ref_id("${Vpc}") == "Vpc"
	cfn.ref_id("${Key.Arn}") == "Key"
	not cfn.ref_id("arn:${AWS::Partition}:s3:::b")
	not cfn.ref_id("vpc-123")
}

test_public_statements if {
	cfn.public_statement({"Effect": "Allow", "Principal": "*"})
	cfn.public_statement({"Effect": "Allow", "Principal": {"AWS": ["*"]}})
	not cfn.public_statement({"Effect": "Allow", "Principal": "*", "Condition": {"StringEquals": {"aws:SourceAccount": "1"}}})
	not cfn.public_statement({"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}})
	cfn.maybe_public_statement({"Effect": "Allow", "Principal": "${P}"})
	cfn.maybe_public_statement({"Effect": "Allow", "Principal": {"AWS": "${P}"}})
	not cfn.maybe_public_statement({"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::1:root"}})
}

test_key_value if {
	r := res({"Attrs": [{"Key": "a", "Value": "true"}, {"Key": "b", "Value": "${P}"}]})
	cfn.key_value(r, "Attrs", "a", "false") == "true"
	cfn.key_value(r, "Attrs", "c", "false") == "false"
	cfn.key_value(r, "Attrs", "b", "false") == "${P}"
	cfn.key_value(res({"Attrs": "${L}"}), "Attrs", "a", "false") == "${L}"
	cfn.key_value(res({"Attrs": ["${E}"]}), "Attrs", "a", "false") == "${attribute}"
	cfn.key_value(res({}), "Attrs", "a", "false") == "false"
}

test_negate if {
	cfn.negate("pass") == "fail"
	cfn.negate("fail") == "pass"
	cfn.negate("unknown") == "unknown"
}

test_referenced_and_loosely_referenced if {
	log := {"address": "L", "type": "AWS::EC2::FlowLog", "config": {"ResourceId": "${Vpc}"}}
	loose := {"address": "M", "type": "AWS::EC2::FlowLog", "config": {"ResourceId": "${VpcParam}"}}
	vpc := {"address": "Vpc", "type": "AWS::EC2::VPC", "config": {}}
	d := {"resources": [log, vpc], "resources_by_type": {"AWS::EC2::FlowLog": [log], "AWS::EC2::VPC": [vpc]}}
	cfn.referenced("AWS::EC2::FlowLog", "ResourceId") == {"Vpc"} with input as d
	not cfn.loosely_referenced("AWS::EC2::FlowLog", "ResourceId") with input as d
	d2 := {"resources": [loose, vpc], "resources_by_type": {"AWS::EC2::FlowLog": [loose], "AWS::EC2::VPC": [vpc]}}
	cfn.loosely_referenced("AWS::EC2::FlowLog", "ResourceId") with input as d2
}

test_from_internet if {
	cfn.from_internet({"CidrIp": "0.0.0.0/0"}) == "pass"
	cfn.from_internet({"CidrIpv6": "::/0"}) == "pass"
	cfn.from_internet({"CidrIp": "10.0.0.0/8"}) == "fail"
	cfn.from_internet({"SourceSecurityGroupId": "sg-1"}) == "fail"
	cfn.from_internet({"CidrIp": "${Cidr}"}) == "unknown"
	cfn.from_internet("${Rule}") == "unknown"
}

test_document_state if {
	cfn.document_state({"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}) == "fail"
	cfn.document_state({"Statement": {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}}}) == "pass"
	cfn.document_state({"Statement": [{"Effect": "Allow", "Principal": {"AWS": "${Trusted}"}}]}) == "unknown"
	cfn.document_state("${Fn::If X}") == "unknown"
	cfn.document_state({"Statement": "${Statements}"}) == "unknown"
}
