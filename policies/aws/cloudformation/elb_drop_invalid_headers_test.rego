package rungs.aws.cloudformation.elb_drop_invalid_headers_test

import rego.v1

import data.rungs.aws.cloudformation.elb_drop_invalid_headers as policy

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
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Strict", {"Subnets": ["subnet-1", "subnet-2"], "LoadBalancerAttributes": [{"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"}]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Network", {"Type": "network", "Subnets": ["subnet-1"]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Default", {"Subnets": ["subnet-1", "subnet-2"]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Maybe", {"Subnets": ["subnet-1"], "LoadBalancerAttributes": "${Fn::If Prod}"}),
])

passing := doc([
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Strict", {"Subnets": ["subnet-1", "subnet-2"], "LoadBalancerAttributes": [{"Key": "routing.http.drop_invalid_header_fields.enabled", "Value": "true"}]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Network", {"Type": "network", "Subnets": ["subnet-1"]}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Default"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
