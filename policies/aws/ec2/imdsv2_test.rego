package rungs.aws.ec2.imdsv2_test

import rego.v1

import data.rungs.aws.ec2.imdsv2 as policy

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

instance(cfg) := res("aws_instance", "app", object.union({"ami": "ami-123", "instance_type": "t3.micro"}, cfg))

test_missing_metadata_options_denied if {
	findings := policy.deny with input as doc([instance({})])
	addresses(findings) == {"aws_instance.app"}
}

test_optional_tokens_denied if {
	findings := policy.deny with input as doc([instance({"metadata_options": [{"http_tokens": "optional"}]})])
	count(findings) == 1
}

test_required_tokens_pass if {
	findings := policy.deny with input as doc([instance({"metadata_options": [{"http_tokens": "required"}]})])
	count(findings) == 0
}

test_disabled_endpoint_passes if {
	findings := policy.deny with input as doc([instance({"metadata_options": [{"http_endpoint": "disabled"}]})])
	count(findings) == 0
}

test_launch_template_denied if {
	lt := res("aws_launch_template", "app", {"name_prefix": "app", "metadata_options": [{"http_endpoint": "enabled"}]})
	findings := policy.deny with input as doc([lt])
	addresses(findings) == {"aws_launch_template.app"}
}

test_unknown_tokens_are_not_judged if {
	d := doc([instance({"metadata_options": [{"http_tokens": "${var.http_tokens}"}]})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"aws_instance.app"} with input as d
}

test_unknown_metadata_options_are_not_judged if {
	d := doc([instance({"metadata_options": "${var.metadata}"})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"aws_instance.app"} with input as d
}

test_a_known_protection_wins_over_an_unknown_setting if {
	d := doc([instance({"metadata_options": [{"http_tokens": "${var.t}", "http_endpoint": "disabled"}]})])
	count(policy.deny) == 0 with input as d
	count(policy.unknown) == 0 with input as d
}

test_instance_from_launch_template_defers_to_template if {
	inst := instance({"launch_template": [{"id": "${aws_launch_template.app.id}", "version": "$Latest"}]})
	findings := policy.deny with input as doc([inst])
	count(findings) == 0
}

template(name, cfg) := res("aws_launch_template", name, object.union({"name": name}, cfg))

uses(ref) := instance({"launch_template": [{"id": ref, "version": "$Latest"}]})

lc(cfg) := res("aws_launch_configuration", "web", cfg)

test_instance_judged_by_its_launch_template if {
	good := template("good", {"metadata_options": [{"http_tokens": "required"}]})
	bad := template("bad", {})
	addresses(policy.deny) == {"aws_instance.app", "aws_launch_template.bad"} with input as doc([bad, uses("${aws_launch_template.bad.id}")])
	addresses(policy.deny) == set() with input as doc([good, uses("${aws_launch_template.good.id}")])
	addresses(policy.unknown) == set() with input as doc([good, uses("${aws_launch_template.good.id}")])
	# By literal name too.
	addresses(policy.deny) == {"aws_instance.app", "aws_launch_template.bad"} with input as doc([bad, instance({"launch_template": [{"name": "bad"}]})])
}

test_unresolved_launch_template_is_not_judged if {
	d := doc([instance({"launch_template": [{"id": "${var.template_id}"}]})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"aws_instance.app"} with input as d
}

test_own_metadata_options_override_the_template if {
	bad := template("bad", {})
	d := doc([bad, instance({"launch_template": [{"id": "${aws_launch_template.bad.id}"}], "metadata_options": [{"http_tokens": "required"}]})])
	addresses(policy.deny) == {"aws_launch_template.bad"} with input as d
}

test_launch_configuration_covered if {
	addresses(policy.deny) == {"aws_launch_configuration.web"} with input as doc([lc({})])
	addresses(policy.deny) == set() with input as doc([lc({"metadata_options": [{"http_tokens": "required"}]})])
	addresses(policy.unknown) == {"aws_launch_configuration.web"} with input as doc([lc({"metadata_options": [{"http_tokens": "${var.t}"}]})])
}
