package rungs.aws.cloudformation.elb_classic_https_listeners_test

import rego.v1

import data.rungs.aws.cloudformation.elb_classic_https_listeners as policy

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
	res("AWS::ElasticLoadBalancing::LoadBalancer", "Secure", {"Listeners": [{"Protocol": "HTTPS", "LoadBalancerPort": "443", "InstancePort": "8080", "SSLCertificateId": "arn:aws:acm:eu-west-1:1:certificate/x"}]}),
	res("AWS::ElasticLoadBalancing::LoadBalancer", "Plain", {"Listeners": [{"Protocol": "HTTPS", "LoadBalancerPort": "443", "InstancePort": "8080", "SSLCertificateId": "arn:aws:acm:eu-west-1:1:certificate/x"}, {"Protocol": "HTTP", "LoadBalancerPort": "80", "InstancePort": "8080"}]}),
	res("AWS::ElasticLoadBalancing::LoadBalancer", "Maybe", {"Listeners": [{"Protocol": "${Proto}", "LoadBalancerPort": "80", "InstancePort": "8080"}]}),
])

passing := doc([
	res("AWS::ElasticLoadBalancing::LoadBalancer", "Secure", {"Listeners": [{"Protocol": "HTTPS", "LoadBalancerPort": "443", "InstancePort": "8080", "SSLCertificateId": "arn:aws:acm:eu-west-1:1:certificate/x"}]}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Plain"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
