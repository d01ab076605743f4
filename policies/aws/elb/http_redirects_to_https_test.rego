package rungs.aws.elb.http_redirects_to_https_test

import rego.v1

import data.rungs.aws.elb.http_redirects_to_https as policy

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

lb(type) := res("aws_lb", "app", {"name": "app", "load_balancer_type": type})

listener(cfg) := res("aws_lb_listener", "http", object.union({"load_balancer_arn": "${aws_lb.app.arn}", "port": 80}, cfg))

forward := [{"type": "forward", "target_group_arn": "${aws_lb_target_group.app.arn}"}]

redirect(p) := [{"type": "redirect", "redirect": [{"port": "443", "protocol": p, "status_code": "HTTP_301"}]}]

test_forwarding_http_listener_denied if {
	addresses(policy.deny) == {"aws_lb_listener.http"} with input as doc([lb("application"), listener({"protocol": "HTTP", "default_action": forward})])
	addresses(policy.deny) == {"aws_lb_listener.http"} with input as doc([lb("application"), listener({"default_action": forward})])
}

test_redirect_to_http_denied if {
	addresses(policy.deny) == {"aws_lb_listener.http"} with input as doc([lb("application"), listener({"protocol": "HTTP", "default_action": [{"type": "redirect", "redirect": [{"port": "8080"}]}]})])
}

test_redirect_to_https_passes if {
	count(policy.deny) == 0 with input as doc([lb("application"), listener({"protocol": "HTTP", "default_action": redirect("HTTPS")})])
}

test_https_and_network_listeners_not_judged if {
	count(policy.deny) == 0 with input as doc([lb("application"), listener({"protocol": "HTTPS", "port": 443, "default_action": forward})])
	count(policy.deny) == 0 with input as doc([lb("network"), listener({"protocol": "TCP", "default_action": forward})])
	count(policy.deny) == 0 with input as doc([lb("gateway"), listener({"default_action": forward})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([lb("application"), listener({"protocol": "${var.protocol}", "default_action": forward})])
	count(policy.deny) == 0 with input as doc([lb("application"), listener({"protocol": "HTTP", "default_action": redirect("${var.redirect_protocol}")})])
	count(policy.deny) == 0 with input as doc([lb("application"), listener({"protocol": "HTTP", "default_action": [{"type": "${each.value.type}"}]})])
}
