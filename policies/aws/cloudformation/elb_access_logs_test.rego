package rungs.aws.cloudformation.elb_access_logs_test

import rego.v1

import data.rungs.aws.cloudformation.elb_access_logs as policy

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
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Logged", {"Subnets": ["subnet-1", "subnet-2"], "LoadBalancerAttributes": [{"Key": "access_logs.s3.enabled", "Value": "true"}, {"Key": "access_logs.s3.bucket", "Value": "lb-logs"}]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Gateway", {"Type": "gateway", "Subnets": ["subnet-1"]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Silent", {"Subnets": ["subnet-1", "subnet-2"]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Network", {"Type": "network", "Subnets": ["subnet-1"], "LoadBalancerAttributes": [{"Key": "access_logs.s3.enabled", "Value": "false"}]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Maybe", {"Subnets": ["subnet-1"], "LoadBalancerAttributes": [{"Key": "access_logs.s3.enabled", "Value": "${Fn::If Prod}"}]}),
])

passing := doc([
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Logged", {"Subnets": ["subnet-1", "subnet-2"], "LoadBalancerAttributes": [{"Key": "access_logs.s3.enabled", "Value": "true"}, {"Key": "access_logs.s3.bucket", "Value": "lb-logs"}]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Gateway", {"Type": "gateway", "Subnets": ["subnet-1"]}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Network", "Silent"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
