package rungs.aws.cloudformation.elb_classic_access_logs_test

import rego.v1

import data.rungs.aws.cloudformation.elb_classic_access_logs as policy

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
	res("AWS::ElasticLoadBalancing::LoadBalancer", "Logged", {"Listeners": [{"Protocol": "HTTPS", "LoadBalancerPort": "443", "InstancePort": "8080", "SSLCertificateId": "arn:aws:acm:eu-west-1:1:certificate/x"}], "AccessLoggingPolicy": {"Enabled": true, "S3BucketName": "lb-logs"}}),
	res("AWS::ElasticLoadBalancing::LoadBalancer", "Silent", {"Listeners": [{"Protocol": "HTTPS", "LoadBalancerPort": "443", "InstancePort": "8080", "SSLCertificateId": "arn:aws:acm:eu-west-1:1:certificate/x"}]}),
	res("AWS::ElasticLoadBalancing::LoadBalancer", "Maybe", {"Listeners": [{"Protocol": "HTTPS", "LoadBalancerPort": "443", "InstancePort": "8080", "SSLCertificateId": "arn:aws:acm:eu-west-1:1:certificate/x"}], "AccessLoggingPolicy": "${Fn::If Prod}"}),
])

passing := doc([
	res("AWS::ElasticLoadBalancing::LoadBalancer", "Logged", {"Listeners": [{"Protocol": "HTTPS", "LoadBalancerPort": "443", "InstancePort": "8080", "SSLCertificateId": "arn:aws:acm:eu-west-1:1:certificate/x"}], "AccessLoggingPolicy": {"Enabled": true, "S3BucketName": "lb-logs"}}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Silent"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
