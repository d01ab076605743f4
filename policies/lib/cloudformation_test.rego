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
