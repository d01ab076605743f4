package rungs.aws.cloudformation.elb_http_redirects_to_https_test

import rego.v1

import data.rungs.aws.cloudformation.elb_http_redirects_to_https as policy

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
	res("AWS::ElasticLoadBalancingV2::Listener", "Redirect", {"LoadBalancerArn": "${Alb}", "Port": 80, "Protocol": "HTTP", "DefaultActions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}]}),
	res("AWS::ElasticLoadBalancingV2::Listener", "Https", {"LoadBalancerArn": "${Alb}", "Port": 443, "Protocol": "HTTPS", "Certificates": [{"CertificateArn": "arn:aws:acm:eu-west-1:1:certificate/x"}], "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06", "DefaultActions": [{"Type": "forward", "TargetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/t/1"}]}),
	res("AWS::ElasticLoadBalancingV2::Listener", "Plain", {"LoadBalancerArn": "${Alb}", "Port": 80, "Protocol": "HTTP", "DefaultActions": [{"Type": "forward", "TargetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/t/1"}]}),
	res("AWS::ElasticLoadBalancingV2::Listener", "Maybe", {"LoadBalancerArn": "${Alb}", "Port": 80, "Protocol": "HTTP", "DefaultActions": [{"Type": "${ActionType}"}]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Alb", {}),
])

passing := doc([
	res("AWS::ElasticLoadBalancingV2::Listener", "Redirect", {"LoadBalancerArn": "${Alb}", "Port": 80, "Protocol": "HTTP", "DefaultActions": [{"Type": "redirect", "RedirectConfig": {"Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301"}}]}),
	res("AWS::ElasticLoadBalancingV2::Listener", "Https", {"LoadBalancerArn": "${Alb}", "Port": 443, "Protocol": "HTTPS", "Certificates": [{"CertificateArn": "arn:aws:acm:eu-west-1:1:certificate/x"}], "SslPolicy": "ELBSecurityPolicy-TLS13-1-2-2021-06", "DefaultActions": [{"Type": "forward", "TargetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/t/1"}]}),
	res("AWS::ElasticLoadBalancingV2::LoadBalancer", "Alb", {}),
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
