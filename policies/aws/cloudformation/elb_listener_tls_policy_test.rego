package rungs.aws.cloudformation.elb_listener_tls_policy_test

import rego.v1

import data.rungs.aws.cloudformation.elb_listener_tls_policy as policy

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
	res("AWS::ElasticLoadBalancingV2::Listener", "Modern", {"LoadBalancerArn": "${Alb}", "Port": 443, "Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06", "Certificates": [{"CertificateArn": "arn:aws:acm:eu-west-1:1:certificate/x"}], "DefaultActions": [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}]}),
	res("AWS::ElasticLoadBalancingV2::Listener", "Default", {"LoadBalancerArn": "${Alb}", "Port": 443, "Protocol": "HTTPS", "Certificates": [{"CertificateArn": "arn:aws:acm:eu-west-1:1:certificate/x"}], "DefaultActions": [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}]}),
	res("AWS::ElasticLoadBalancingV2::Listener", "Legacy", {"LoadBalancerArn": "${Alb}", "Port": 8443, "Protocol": "TLS", "SslPolicy": "ELBSecurityPolicy-TLS-1-1-2017-01", "Certificates": [{"CertificateArn": "arn:aws:acm:eu-west-1:1:certificate/x"}], "DefaultActions": [{"Type": "forward", "TargetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/t/1"}]}),
	res("AWS::ElasticLoadBalancingV2::Listener", "Maybe", {"LoadBalancerArn": "${Alb}", "Port": 443, "Protocol": "HTTPS", "SslPolicy": "${Policy}", "DefaultActions": [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Alb", {}),
])

passing := doc([
	res("AWS::ElasticLoadBalancingV2::Listener", "Modern", {"LoadBalancerArn": "${Alb}", "Port": 443, "Protocol": "HTTPS", "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06", "Certificates": [{"CertificateArn": "arn:aws:acm:eu-west-1:1:certificate/x"}], "DefaultActions": [{"Type": "fixed-response", "FixedResponseConfig": {"StatusCode": "404"}}]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Alb", {}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Default", "Legacy"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
