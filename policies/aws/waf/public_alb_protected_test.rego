package rungs.aws.waf.public_alb_protected_test

import rego.v1

import data.rungs.aws.waf.public_alb_protected as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "aws", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

type_key(x) := concat(".", ["data", x.type]) if x.mode == "data"

type_key(x) := x.type if x.mode != "data"

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; type_key(x) == k] | some y in rs; k := type_key(y)},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

lb(cfg) := res("aws_lb", "app", object.union({"name": "app"}, cfg))

assoc(arn) := res("aws_wafv2_web_acl_association", "app", {"resource_arn": arn, "web_acl_arn": "${aws_wafv2_web_acl.app.arn}"})

test_public_alb_without_waf_denied if {
	addresses(policy.deny) == {"aws_lb.app"} with input as doc([lb({})])
	addresses(policy.deny) == {"aws_lb.app"} with input as doc([lb({"internal": false, "load_balancer_type": "application"})])
}

test_association_of_other_lb_does_not_count if {
	other := res("aws_lb", "other", {"name": "other"})
	addresses(policy.deny) == {"aws_lb.app"} with input as doc([lb({}), other, assoc("${aws_lb.other.arn}")])
}

test_association_by_reference_passes if {
	count(policy.deny) == 0 with input as doc([lb({}), assoc("${aws_lb.app.arn}")])
}

test_association_by_literal_arn_passes if {
	count(policy.deny) == 0 with input as doc([lb({}), assoc("arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/app/50dc6c495c0c9188")])
}

test_firewall_manager_policy_passes if {
	fms := res("aws_fms_policy", "waf", {"name": "waf", "resource_type": "AWS::ElasticLoadBalancingV2::LoadBalancer", "security_service_policy_data": [{"type": "WAFV2", "managed_service_data": "{}"}]})
	count(policy.deny) == 0 with input as doc([lb({}), fms])
}

test_internal_and_network_not_judged if {
	count(policy.deny) == 0 with input as doc([lb({"internal": true})])
	count(policy.deny) == 0 with input as doc([lb({"load_balancer_type": "network"})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([lb({"internal": "${var.internal}"})])
	count(policy.deny) == 0 with input as doc([lb({}), assoc("${var.alb_arn}")])
	count(policy.deny) == 0 with input as doc([lb({}), assoc("${module.edge.alb_arn}")])
}
