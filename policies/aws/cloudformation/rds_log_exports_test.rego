package rungs.aws.cloudformation.rds_log_exports_test

import rego.v1

import data.rungs.aws.cloudformation.rds_log_exports as policy

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
	res("AWS::RDS::DBInstance", "Exported", {"Engine": "postgres", "EnableCloudwatchLogsExports": ["postgresql"]}),
	res("AWS::RDS::DBInstance", "Member", {"Engine": "aurora-mysql", "DBClusterIdentifier": "shared"}),
	res("AWS::RDS::DBInstance", "Silent", {"Engine": "postgres"}),
	res("AWS::RDS::DBCluster", "Empty", {"Engine": "aurora-mysql", "EnableCloudwatchLogsExports": []}),
	res("AWS::RDS::DBInstance", "Maybe", {"Engine": "postgres", "EnableCloudwatchLogsExports": "${LogTypes}"}),
])

passing := doc([
	res("AWS::RDS::DBInstance", "Exported", {"Engine": "postgres", "EnableCloudwatchLogsExports": ["postgresql"]}),
	res("AWS::RDS::DBInstance", "Member", {"Engine": "aurora-mysql", "DBClusterIdentifier": "shared"}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Empty", "Silent"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
