package rungs.aws.cloudformation.vpc_flow_logs_test

import rego.v1

import data.rungs.aws.cloudformation.vpc_flow_logs as policy

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
	res("AWS::EC2::VPC", "Logged", {"CidrBlock": "10.0.0.0/16"}),
	res("AWS::EC2::FlowLog", "LoggedFlow", {"ResourceId": "${Logged}", "ResourceType": "VPC", "TrafficType": "ALL", "LogDestinationType": "s3", "LogDestination": "arn:aws:s3:::flow-logs"}),
	res("AWS::EC2::VPC", "Dark", {"CidrBlock": "10.1.0.0/16"}),
])

passing := doc([
	res("AWS::EC2::VPC", "Logged", {"CidrBlock": "10.0.0.0/16"}),
	res("AWS::EC2::FlowLog", "LoggedFlow", {"ResourceId": "${Logged}", "ResourceType": "VPC", "TrafficType": "ALL", "LogDestinationType": "s3", "LogDestination": "arn:aws:s3:::flow-logs"}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Dark"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == set() with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}

test_a_flow_log_of_a_parameter_leaves_vpcs_unjudged if {
d := doc([res("AWS::EC2::VPC", "Dark", {}), res("AWS::EC2::FlowLog", "F", {"ResourceId": "${VpcParam}", "ResourceType": "VPC"})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"Dark"} with input as d
}
