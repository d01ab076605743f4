package rungs.aws.elb.listener_tls_policy_test

import rego.v1

import data.rungs.aws.elb.listener_tls_policy as policy

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

listener(cfg) := res("aws_lb_listener", "https", object.union({"load_balancer_arn": "${aws_lb.app.arn}", "port": 443, "protocol": "HTTPS", "certificate_arn": "${aws_acm_certificate.app.arn}"}, cfg))

test_default_and_old_policies_denied if {
	addresses(policy.deny) == {"aws_lb_listener.https"} with input as doc([listener({})])
	addresses(policy.deny) == {"aws_lb_listener.https"} with input as doc([listener({"ssl_policy": "ELBSecurityPolicy-TLS-1-1-2017-01"})])
	addresses(policy.deny) == {"aws_lb_listener.https"} with input as doc([listener({"ssl_policy": "ELBSecurityPolicy-TLS13-1-0-2021-06"})])
	addresses(policy.deny) == {"aws_lb_listener.https"} with input as doc([listener({"protocol": "TLS", "ssl_policy": "ELBSecurityPolicy-FS-1-1-2019-08"})])
}

test_modern_policies_pass if {
	count(policy.deny) == 0 with input as doc([listener({"ssl_policy": "ELBSecurityPolicy-TLS13-1-2-2021-06"})])
	count(policy.deny) == 0 with input as doc([listener({"ssl_policy": "ELBSecurityPolicy-TLS13-1-3-2021-06"})])
	count(policy.deny) == 0 with input as doc([listener({"ssl_policy": "ELBSecurityPolicy-TLS-1-2-Ext-2018-06"})])
	count(policy.deny) == 0 with input as doc([listener({"ssl_policy": "ELBSecurityPolicy-FS-1-2-Res-2020-10"})])
}

test_plain_http_listener_not_judged if {
	count(policy.deny) == 0 with input as doc([listener({"protocol": "HTTP", "port": 80})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([listener({"ssl_policy": "${var.ssl_policy}"})])
	count(policy.deny) == 0 with input as doc([listener({"protocol": "${var.protocol}"})])
}
