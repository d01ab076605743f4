package rungs.aws.cloudformation.rds_not_public_test

import rego.v1

import data.rungs.aws.cloudformation.rds_not_public as policy

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

test_public_instance_denied if {
	d := doc([
		res("AWS::RDS::DBInstance", "Public", {"PubliclyAccessible": true}),
		res("AWS::RDS::DBInstance", "PublicText", {"PubliclyAccessible": "true"}),
		res("AWS::RDS::DBInstance", "Private", {"PubliclyAccessible": false}),
		res("AWS::RDS::DBInstance", "Default", {}),
	])
	addresses(policy.deny) == {"Public", "PublicText"} with input as d
}

test_unknown_not_judged if {
	d := doc([res("AWS::RDS::DBInstance", "U", {"PubliclyAccessible": "${Fn::If Public}"})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"U"} with input as d
}
