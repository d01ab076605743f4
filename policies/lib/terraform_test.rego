package rungs.lib_test

import rego.v1

import data.rungs.lib

bucket := {"address": "aws_s3_bucket.logs", "ref": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "module": "", "config": {"bucket": "acme-logs"}}

other_bucket := {"address": "aws_s3_bucket.other", "ref": "aws_s3_bucket.other", "type": "aws_s3_bucket", "module": "", "config": {"bucket": "acme-other"}}

sse(addr, b, m) := {"address": addr, "ref": addr, "type": "aws_s3_bucket_server_side_encryption_configuration", "module": m, "config": {"bucket": b}}

# --- unknown values --------------------------------------------------------

test_is_unknown_interpolation if {
	lib.is_unknown("${var.port}")
	lib.is_unknown("arn:aws:s3:::${var.name}/*")
}

test_is_unknown_not_for_known_values if {
	not lib.is_unknown("plain")
	not lib.is_unknown(22)
	not lib.is_unknown(true)
	not lib.is_unknown(null)
	not lib.is_unknown(["${var.x}"])
}

test_is_known if {
	lib.is_known("plain")
	lib.is_known(3)
	not lib.is_known("${var.x}")
}

test_is_true_is_false_known_booleans_only if {
	lib.is_true(true)
	lib.is_false(false)
	not lib.is_true("true")
	not lib.is_false("${var.enabled}")
	not lib.is_false(null)
	not lib.is_true(1)
}

test_truthy_falsy if {
	lib.truthy(true)
	lib.truthy("true")
	lib.falsy(false)
	lib.falsy("FALSE")
	not lib.truthy("${var.x}")
	not lib.falsy("${var.x}")
}

test_is_known_string if {
	lib.is_known_string("abc")
	not lib.is_known_string("${var.abc}")
	not lib.is_known_string(1)
}

test_is_nonempty_string if {
	lib.is_nonempty_string("x")
	not lib.is_nonempty_string("  ")
	not lib.is_nonempty_string("${var.x}")
}

test_is_set if {
	lib.is_set("x")
	lib.is_set("${var.x}")
	lib.is_set(0)
	not lib.is_set("")
	not lib.is_set(null)
}

test_to_num if {
	lib.to_num(22) == 22
	lib.to_num("3389") == 3389
	lib.to_num(" 7 ") == 7
	not lib.to_num("${var.port}")
	not lib.to_num("abc")
	not lib.to_num(true)
}

# --- resources -------------------------------------------------------------

test_resources_present_and_absent if {
	count(lib.resources("aws_s3_bucket")) == 1 with input as {"resources_by_type": {"aws_s3_bucket": [bucket]}}
	lib.resources("aws_vpc") == [] with input as {"resources_by_type": {"aws_s3_bucket": [bucket]}}
	lib.resources("aws_vpc") == [] with input as {}
}

test_has_resource if {
	lib.has_resource("aws_s3_bucket") with input as {"resources_by_type": {"aws_s3_bucket": [bucket]}}
	not lib.has_resource("aws_vpc") with input as {"resources_by_type": {"aws_s3_bucket": [bucket]}}
}

test_module_of_defaults_to_root if {
	lib.module_of({"address": "a.b"}) == ""
	lib.module_of({"module": "module.net"}) == "module.net"
}

test_config_and_attr if {
	lib.config({"address": "x"}) == {}
	lib.attr(bucket, "bucket", "") == "acme-logs"
	lib.attr(bucket, "missing", 7) == 7
	lib.attr({"config": {"x": null}}, "x", 7) == 7
	lib.attr({"config": {"x": false}}, "x", true) == false
}

test_blocks if {
	r := {"config": {"ingress": [{"from_port": 22}], "egress": "${var.rules}"}}
	count(lib.blocks(r, "ingress")) == 1
	lib.blocks(r, "egress") == []
	lib.blocks(r, "absent") == []
	lib.blocks({"config": {"ingress": ["${local.rule}", {"from_port": 443}]}}, "ingress") == [{"from_port": 443}]
}

test_sub_blocks if {
	b := {"rule": [{"x": 1}, {"x": 2}]}
	count(lib.sub_blocks(b, "rule")) == 2
	lib.sub_blocks(b, "other") == []
	lib.sub_blocks({"rule": ["${var.r}"]}, "rule") == []
}

test_finding if {
	lib.finding(bucket, "msg") == {"resource": "aws_s3_bucket.logs", "message": "msg"}
}

# --- references ------------------------------------------------------------

test_refers_to_attribute_forms if {
	lib.refers_to("${aws_s3_bucket.logs.id}", bucket)
	lib.refers_to("${aws_s3_bucket.logs.bucket}", bucket)
	lib.refers_to("${aws_s3_bucket.logs[0].arn}", bucket)
	lib.refers_to("${aws_s3_bucket.logs}", bucket)
	lib.refers_to("arn:aws:s3:::${aws_s3_bucket.logs.id}/*", bucket)
	lib.refers_to(["${aws_s3_bucket.logs.arn}"], bucket)
}

test_refers_to_rejects_other_names if {
	not lib.refers_to("${aws_s3_bucket.logs2.id}", bucket)
	not lib.refers_to("${aws_s3_bucket.log.id}", bucket)
	not lib.refers_to("${data.aws_s3_bucket.logs.id}", bucket)
	not lib.refers_to("${module.x.aws_s3_bucket.logs.id}", bucket)
	not lib.refers_to("aws_s3_bucket.logs", bucket)
	not lib.refers_to("${var.bucket}", bucket)
}

test_refers_to_data_source if {
	doc := {"ref": "data.aws_iam_policy_document.trust"}
	lib.refers_to("${data.aws_iam_policy_document.trust.json}", doc)
	not lib.refers_to("${data.aws_iam_policy_document.trust2.json}", doc)
}

test_companions_by_reference if {
	inp := {"resources_by_type": {
		"aws_s3_bucket": [bucket, other_bucket],
		"aws_s3_bucket_server_side_encryption_configuration": [
			sse("aws_s3_bucket_server_side_encryption_configuration.logs", "${aws_s3_bucket.logs.id}", ""),
			sse("aws_s3_bucket_server_side_encryption_configuration.other", "${aws_s3_bucket.other.id}", ""),
		],
	}}
	cs := lib.companions(bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket") with input as inp
	count(cs) == 1
	cs[0].address == "aws_s3_bucket_server_side_encryption_configuration.logs"
}

test_companions_reference_from_nested_module if {
	# Module arguments are evaluated in the caller's scope: module.m holds the
	# root's reference text.
	inp := {"resources_by_type": {
		"aws_s3_bucket": [bucket],
		"aws_s3_bucket_server_side_encryption_configuration": [sse("module.m.aws_s3_bucket_server_side_encryption_configuration.logs", "${aws_s3_bucket.logs.id}", "module.m")],
	}}
	count(lib.companions(bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket")) == 1 with input as inp
}

test_companions_reference_prefers_own_module if {
	inner := {"address": "module.m.aws_s3_bucket.logs", "ref": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "module": "module.m", "config": {"bucket": "inner-logs"}}
	inp := {"resources_by_type": {
		"aws_s3_bucket": [bucket, inner],
		"aws_s3_bucket_server_side_encryption_configuration": [sse("module.m.aws_s3_bucket_server_side_encryption_configuration.logs", "${aws_s3_bucket.logs.id}", "module.m")],
	}}
	count(lib.companions(bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket")) == 0 with input as inp
	count(lib.companions(inner, "aws_s3_bucket_server_side_encryption_configuration", "bucket")) == 1 with input as inp
}

test_companions_reference_not_from_parent_into_module if {
	inner := {"address": "module.m.aws_s3_bucket.logs", "ref": "aws_s3_bucket.logs", "type": "aws_s3_bucket", "module": "module.m", "config": {"bucket": "${var.name}"}}
	inp := {"resources_by_type": {
		"aws_s3_bucket": [inner],
		"aws_s3_bucket_server_side_encryption_configuration": [sse("aws_s3_bucket_server_side_encryption_configuration.logs", "${aws_s3_bucket.logs.id}", "")],
	}}
	count(lib.companions(inner, "aws_s3_bucket_server_side_encryption_configuration", "bucket")) == 0 with input as inp
}

test_within if {
	lib.within("module.a", "module.a")
	lib.within("module.a", "")
	lib.within("module.a.module.b", "module.a")
	not lib.within("", "module.a")
	not lib.within("module.ab", "module.a")
	not lib.within("module.b", "module.a")
}

test_type_key if {
	lib.type_key({"type": "aws_iam_policy_document", "mode": "data"}) == "data.aws_iam_policy_document"
	lib.type_key({"type": "aws_s3_bucket", "mode": "managed"}) == "aws_s3_bucket"
	lib.type_key({"type": "aws_s3_bucket"}) == "aws_s3_bucket"
}

test_designates_and_refers_to_type if {
	inp := {"resources_by_type": {"aws_s3_bucket": [bucket, other_bucket]}}
	lib.designates("${aws_s3_bucket.logs.id}", bucket, "") with input as inp
	lib.designates("${aws_s3_bucket.logs.id}", bucket, "module.x") with input as inp
	not lib.designates("${aws_s3_bucket.other.id}", bucket, "") with input as inp
	lib.refers_to_type("${aws_s3_bucket.other.arn}", "aws_s3_bucket", "") with input as inp
	not lib.refers_to_type("${var.bucket}", "aws_s3_bucket", "") with input as inp
}

test_companions_by_literal_name if {
	inp := {"resources_by_type": {
		"aws_s3_bucket": [bucket],
		"aws_s3_bucket_server_side_encryption_configuration": [sse("module.m.x", "acme-logs", "module.m")],
	}}
	count(lib.companions(bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket")) == 1 with input as inp
}

test_ambiguous_companion_unknown_name if {
	inp := {"resources_by_type": {
		"aws_s3_bucket": [bucket],
		"aws_s3_bucket_server_side_encryption_configuration": [sse("x", "${var.bucket_id}", "")],
	}}
	lib.ambiguous_companion(bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket") with input as inp
	lib.maybe_companion(bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket") with input as inp
}

test_not_ambiguous_when_reference_to_other_local_bucket if {
	inp := {"resources_by_type": {
		"aws_s3_bucket": [bucket, other_bucket],
		"aws_s3_bucket_server_side_encryption_configuration": [sse("x", "${aws_s3_bucket.other.id}", "")],
	}}
	not lib.ambiguous_companion(bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket") with input as inp
	not lib.maybe_companion(bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket") with input as inp
}

test_ambiguous_when_target_name_unknown if {
	unnamed := {"address": "aws_s3_bucket.u", "ref": "aws_s3_bucket.u", "type": "aws_s3_bucket", "module": "", "config": {"bucket": "${var.name}"}}
	inp := {"resources_by_type": {
		"aws_s3_bucket": [unnamed],
		"aws_s3_bucket_server_side_encryption_configuration": [sse("x", "some-literal", "")],
	}}
	lib.ambiguous_companion(unnamed, "aws_s3_bucket_server_side_encryption_configuration", "bucket") with input as inp
}

test_no_companion if {
	inp := {"resources_by_type": {"aws_s3_bucket": [bucket]}}
	not lib.maybe_companion(bucket, "aws_s3_bucket_server_side_encryption_configuration", "bucket") with input as inp
}

# --- networking ------------------------------------------------------------

test_is_open_cidr if {
	lib.is_open_cidr("0.0.0.0/0")
	lib.is_open_cidr("::/0")
	not lib.is_open_cidr("10.0.0.0/8")
	not lib.is_open_cidr("${var.cidr}")
}

test_any_open_cidr if {
	lib.any_open_cidr(["10.0.0.0/8", "0.0.0.0/0"])
	lib.any_open_cidr("::/0")
	not lib.any_open_cidr(["10.0.0.0/8", "${var.cidr}"])
	not lib.any_open_cidr("${var.cidrs}")
}

test_protocols if {
	lib.all_protocols("-1")
	lib.all_protocols(-1)
	lib.all_protocols("all")
	not lib.all_protocols("tcp")
	lib.port_protocol("tcp")
	lib.port_protocol("6")
	lib.port_protocol(17)
	not lib.port_protocol("icmp")
	not lib.port_protocol("${var.proto}")
}

test_range_covers if {
	lib.range_covers(0, 65535, 22)
	lib.range_covers(22, 22, 22)
	lib.range_covers("20", "25", 22)
	not lib.range_covers(80, 443, 22)
	not lib.range_covers("${var.from}", 65535, 22)
	not lib.range_covers(0, "${var.to}", 22)
}

test_rule_reaches_port if {
	lib.rule_reaches_port("tcp", 22, 22, 22)
	lib.rule_reaches_port("-1", 0, 0, 3389)
	not lib.rule_reaches_port("icmp", -1, -1, 22)
	not lib.rule_reaches_port("tcp", 443, 443, 22)
	not lib.rule_reaches_port("${var.p}", 22, 22, 22)
}

test_rule_reaches_all_ports if {
	lib.rule_reaches_all_ports("-1", 0, 0)
	lib.rule_reaches_all_ports("tcp", 0, 65535)
	not lib.rule_reaches_all_ports("tcp", 1, 1024)
	not lib.rule_reaches_all_ports("tcp", 0, "${var.to}")
}

# --- IAM policy documents --------------------------------------------------

test_policy_doc_parses_json if {
	doc := lib.policy_doc(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`)
	count(lib.statements(doc)) == 1
}

test_policy_doc_with_inner_interpolation if {
	doc := lib.policy_doc(`{"Statement":[{"Action":"s3:GetObject","Resource":"arn:aws:s3:::${var.b}/*"}]}`)
	count(lib.statements(doc)) == 1
}

test_policy_doc_undefined_for_unknown_and_invalid if {
	not lib.policy_doc("${data.aws_iam_policy_document.x.json}")
	not lib.policy_doc("{not json")
	not lib.policy_doc(3)
}

test_policy_doc_object if {
	lib.policy_doc({"Statement": []}) == {"Statement": []}
}

test_statements_shapes if {
	lib.statements({"Statement": [{"a": 1}, {"b": 2}]}) == [{"a": 1}, {"b": 2}]
	lib.statements({"Statement": {"a": 1}}) == [{"a": 1}]
	lib.statements({}) == []
	lib.statements({"Statement": ["junk", {"a": 1}]}) == [{"a": 1}]
	lib.statements({"Statement": "junk"}) == []
}

test_as_array if {
	lib.as_array("*") == ["*"]
	lib.as_array(["a", "b"]) == ["a", "b"]
}

test_is_allow if {
	lib.is_allow({"Effect": "Allow"})
	lib.is_allow({})
	not lib.is_allow({"Effect": "Deny"})
}

test_list_or_empty if {
	lib.list_or_empty(["a"]) == ["a"]
	lib.list_or_empty("${var.x}") == []
	lib.list_or_empty(null) == []
}

test_s3_pab_off if {
	full := {"config": {"block_public_acls": true, "block_public_policy": true, "ignore_public_acls": true, "restrict_public_buckets": true}}
	lib.s3_pab_off(full) == set()
	lib.s3_pab_complete(full)
	partial := {"config": {"block_public_acls": true, "block_public_policy": false, "ignore_public_acls": "${var.x}"}}
	lib.s3_pab_off(partial) == {"block_public_policy", "restrict_public_buckets"}
	not lib.s3_pab_complete(partial)
}

test_sg_ingress_rules_normalised if {
	sg := {"address": "aws_security_group.web", "type": "aws_security_group", "config": {"ingress": [{"protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": ["0.0.0.0/0"], "ipv6_cidr_blocks": ["::/0"]}], "egress": [{"protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}]}}
	legacy := {"address": "aws_security_group_rule.ssh", "type": "aws_security_group_rule", "config": {"type": "ingress", "protocol": "tcp", "from_port": 22, "to_port": 22, "cidr_blocks": "${var.cidrs}"}}
	egress := {"address": "aws_security_group_rule.out", "type": "aws_security_group_rule", "config": {"type": "egress", "protocol": "-1", "from_port": 0, "to_port": 0, "cidr_blocks": ["0.0.0.0/0"]}}
	modern := {"address": "aws_vpc_security_group_ingress_rule.rdp", "type": "aws_vpc_security_group_ingress_rule", "config": {"ip_protocol": "tcp", "from_port": 3389, "to_port": 3389, "cidr_ipv4": "0.0.0.0/0"}}
	rules := lib.sg_ingress_rules with input as {"resources_by_type": {"aws_security_group": [sg], "aws_security_group_rule": [legacy, egress], "aws_vpc_security_group_ingress_rule": [modern]}}
	count(rules) == 3
	{r.resource.address | some r in rules} == {"aws_security_group.web", "aws_security_group_rule.ssh", "aws_vpc_security_group_ingress_rule.rdp"}
	some r in rules
	r.resource.address == "aws_security_group.web"
	lib.open_cidrs_of(r) == {"0.0.0.0/0", "::/0"}
	some m in rules
	m.resource.address == "aws_vpc_security_group_ingress_rule.rdp"
	m.cidrs == ["0.0.0.0/0"]
	m.protocol == "tcp"
}

test_mentions_boundaries if {
	lib.mentions("aws_s3_bucket.logs", "aws_s3_bucket.logs")
	lib.mentions("${concat(aws_s3_bucket.logs.arn, x)}", "aws_s3_bucket.logs")
	lib.mentions("${aws_s3_bucket.logs2.id} ${aws_s3_bucket.logs.id}", "aws_s3_bucket.logs")
	not lib.mentions("${data.aws_s3_bucket.logs.id}", "aws_s3_bucket.logs")
	not lib.mentions("${aws_s3_bucket.logs_b.id}", "aws_s3_bucket.logs")
	not lib.mentions("${xaws_s3_bucket.logs.id}", "aws_s3_bucket.logs")
}

test_refers_to_instances if {
	b0 := {"address": "aws_s3_bucket.logs[0]", "ref": "aws_s3_bucket.logs", "index": 0, "module": ""}
	bk := {"address": "aws_s3_bucket.logs[\"a\"]", "ref": "aws_s3_bucket.logs", "index": "a", "module": ""}
	lib.refers_to("${aws_s3_bucket.logs[0].id}", b0)
	not lib.refers_to("${aws_s3_bucket.logs[1].id}", b0)
	lib.refers_to("${aws_s3_bucket.logs[*].id}", b0)
	lib.refers_to("${aws_s3_bucket.logs[count.index].id}", b0)
	lib.refers_to("${aws_s3_bucket.logs[\"a\"].id}", bk)
	not lib.refers_to("${aws_s3_bucket.logs[\"b\"].id}", bk)
	not lib.refers_to("${aws_s3_bucket.logs[0].id}", bk)
	lib.refers_to(["${aws_s3_bucket.logs.id}"], bk)
}

test_designates_a_nested_module_resource_through_an_output if {
	nested := {"address": "module.store.aws_s3_bucket.b", "ref": "aws_s3_bucket.b", "type": "aws_s3_bucket", "module": "module.store"}
	deeper := {"address": "module.a[\"x\"].module.store.aws_s3_bucket.b", "ref": "aws_s3_bucket.b", "index": null, "type": "aws_s3_bucket", "module": "module.a[\"x\"].module.store"}
	lib.designates("${module.store.aws_s3_bucket.b.id}", nested, "")
	not lib.designates("${aws_s3_bucket.b.id}", nested, "")
	not lib.designates("${module.other.aws_s3_bucket.b.id}", nested, "")
	lib.designates("${module.store.aws_s3_bucket.b.id}", deeper, "module.a[\"x\"]")
	lib.designates("${module.a[\"x\"].module.store.aws_s3_bucket.b.id}", deeper, "")
	not lib.designates("${module.a[\"y\"].module.store.aws_s3_bucket.b.id}", deeper, "")
}

test_designates_a_sibling_module_resource_passed_through_an_input if {
	in_a := {"address": "module.a.aws_s3_bucket.this", "ref": "aws_s3_bucket.this", "type": "aws_s3_bucket", "module": "module.a"}
	# module.b received the root's text "${module.a...}" through a variable.
	lib.designates("${module.a.aws_s3_bucket.this.id}", in_a, "module.b")
	lib.designates("${module.a.aws_s3_bucket.this.id}", in_a, "module.b[\"k\"].module.c")
	not lib.designates("${module.x.aws_s3_bucket.this.id}", in_a, "module.b")
	lib.enclosing("") == {""}
	lib.enclosing("module.b[\"k\"].module.c") == {"", "module.b[\"k\"]", "module.b[\"k\"].module.c"}
}

# --- joins in the other direction ------------------------------------------

test_designated_by_reference_and_literal if {
	trail_bucket := {"address": "aws_s3_bucket.trail", "ref": "aws_s3_bucket.trail", "type": "aws_s3_bucket", "module": "", "config": {"bucket": "acme-trail"}}
	inp := {"resources_by_type": {"aws_s3_bucket": [bucket, trail_bucket]}}
	[b.address | some b in lib.designated("${aws_s3_bucket.trail.id}", "aws_s3_bucket", "")] == ["aws_s3_bucket.trail"] with input as inp
	[b.address | some b in lib.designated("acme-logs", "aws_s3_bucket", "")] == ["aws_s3_bucket.logs"] with input as inp
	count(lib.designated("${var.bucket}", "aws_s3_bucket", "")) == 0 with input as inp
	count(lib.designated("acme-elsewhere", "aws_s3_bucket", "")) == 0 with input as inp
}

# --- resource-based policies -----------------------------------------------

test_open_principal if {
	lib.open_principal("*")
	lib.open_principal({"AWS": "*"})
	lib.open_principal({"AWS": ["arn:aws:iam::111122223333:root", "*"]})
	not lib.open_principal({"AWS": "arn:aws:iam::111122223333:root"})
	not lib.open_principal({"Service": "logs.amazonaws.com"})
	not lib.open_principal("${var.principal}")
}

test_public_statement if {
	lib.public_statement({"Effect": "Allow", "Principal": "*", "Action": "kms:*"})
	lib.public_statement({"Principal": {"AWS": "*"}, "Action": "sqs:SendMessage"})
	not lib.public_statement({"Effect": "Deny", "Principal": "*", "Action": "s3:*"})
	not lib.public_statement({"Effect": "Allow", "Principal": "*", "Action": "sns:Publish", "Condition": {"StringEquals": {"aws:SourceAccount": "111122223333"}}})
	not lib.public_statement({"Effect": "Allow", "Principal": {"AWS": "${var.reader_arn}"}, "Action": "s3:GetObject"})
}

test_public_policy_json_and_document if {
	open := {"address": "data.aws_iam_policy_document.open", "ref": "data.aws_iam_policy_document.open", "type": "aws_iam_policy_document", "mode": "data", "module": "", "config": {"statement": [{"actions": ["kms:*"], "principals": [{"type": "AWS", "identifiers": ["*"]}]}]}}
	scoped := {"address": "data.aws_iam_policy_document.scoped", "ref": "data.aws_iam_policy_document.scoped", "type": "aws_iam_policy_document", "mode": "data", "module": "", "config": {"statement": [{"actions": ["kms:*"], "principals": [{"type": "AWS", "identifiers": ["*"]}], "condition": [{"test": "StringEquals", "variable": "aws:PrincipalOrgID", "values": ["o-abc"]}]}]}}
	inp := {"resources_by_type": {"data.aws_iam_policy_document": [open, scoped]}}
	lib.public_policy(`{"Statement":[{"Effect":"Allow","Principal":"*","Action":"kms:*","Resource":"*"}]}`, "") with input as inp
	lib.public_policy("${data.aws_iam_policy_document.open.json}", "") with input as inp
	not lib.public_policy("${data.aws_iam_policy_document.scoped.json}", "") with input as inp
	not lib.public_policy("${var.key_policy}", "") with input as inp
	not lib.public_policy(`{"Statement":[{"Effect":"Allow","Principal":{"AWS":"${var.admin}"},"Action":"kms:*"}]}`, "") with input as inp
}

# --- CloudWatch metric filters and alarms ----------------------------------

mf(name, cfg, fe) := object.union({"address": concat(".", ["aws_cloudwatch_log_metric_filter", name]), "ref": concat(".", ["aws_cloudwatch_log_metric_filter", name]), "type": "aws_cloudwatch_log_metric_filter", "module": "", "config": cfg}, fe)

alarm(name, cfg) := {"address": concat(".", ["aws_cloudwatch_metric_alarm", name]), "ref": concat(".", ["aws_cloudwatch_metric_alarm", name]), "type": "aws_cloudwatch_metric_alarm", "module": "", "config": cfg}

test_metric_filter_patterns if {
	lib.metric_filter_patterns(mf("a", {"pattern": "{ $.x = 1 }"}, {})) == {"{ $.x = 1 }"}
	lib.metric_filter_patterns(mf("a", {"pattern": "${each.value}"}, {"for_each": {"A": "pa", "B": "pb"}})) == {"pa", "pb"}
	lib.metric_filter_patterns(mf("a", {"pattern": "${each.value.pattern}"}, {"for_each": {"A": {"pattern": "pa", "name": "A"}}})) == {"pa", "A"}
	lib.metric_filter_patterns(mf("a", {"pattern": "${var.pattern}"}, {})) == {"${var.pattern}"}
}

test_metric_filter_names if {
	lib.metric_filter_names(mf("a", {"metric_transformation": [{"name": "RootUse"}]}, {})) == {"RootUse"}
	lib.metric_filter_names(mf("a", {"metric_transformation": [{"name": "${each.key}"}]}, {"for_each": {"A": "pa", "B": "pb"}})) == {"A", "B"}
}

test_alarmed_by_reference_literal_and_unknown if {
	f := mf("root", {"pattern": "p", "metric_transformation": [{"name": "RootUse"}]}, {})
	by_ref := alarm("root", {"metric_name": "${aws_cloudwatch_log_metric_filter.root.metric_transformation[0].name}", "alarm_actions": ["${aws_sns_topic.a.arn}"]})
	lib.alarmed(f) with input as {"resources_by_type": {"aws_cloudwatch_log_metric_filter": [f], "aws_cloudwatch_metric_alarm": [by_ref]}}
	by_name := alarm("root", {"metric_name": "RootUse", "alarm_actions": ["arn:aws:sns:eu-west-1:111122223333:alerts"]})
	lib.alarmed(f) with input as {"resources_by_type": {"aws_cloudwatch_log_metric_filter": [f], "aws_cloudwatch_metric_alarm": [by_name]}}
	by_var := alarm("root", {"metric_name": "${var.metric}", "alarm_actions": "${var.actions}"})
	lib.alarmed(f) with input as {"resources_by_type": {"aws_cloudwatch_log_metric_filter": [f], "aws_cloudwatch_metric_alarm": [by_var]}}
}

test_not_alarmed if {
	f := mf("root", {"pattern": "p", "metric_transformation": [{"name": "RootUse"}]}, {})
	other := mf("other", {"pattern": "q", "metric_transformation": [{"name": "Other"}]}, {})
	wrong := alarm("x", {"metric_name": "${aws_cloudwatch_log_metric_filter.other.metric_transformation[0].name}", "alarm_actions": ["arn:aws:sns:eu-west-1:111122223333:alerts"]})
	not lib.alarmed(f) with input as {"resources_by_type": {"aws_cloudwatch_log_metric_filter": [f, other], "aws_cloudwatch_metric_alarm": [wrong]}}
	silent := alarm("x", {"metric_name": "RootUse"})
	not lib.alarmed(f) with input as {"resources_by_type": {"aws_cloudwatch_log_metric_filter": [f], "aws_cloudwatch_metric_alarm": [silent]}}
	not lib.alarmed(f) with input as {"resources_by_type": {"aws_cloudwatch_log_metric_filter": [f]}}
}

test_unknown_argument_lists_only_unknown_values if {
	inp := {"resources_by_type": {"aws_kms_key": [
		{"address": "aws_kms_key.a", "config": {"enable_key_rotation": "${var.rotate}"}},
		{"address": "aws_kms_key.b", "config": {"enable_key_rotation": false}},
		{"address": "aws_kms_key.c", "config": {}},
	]}}
	lib.unknown_argument(["aws_kms_key"], "enable_key_rotation") == {{"resource": "aws_kms_key.a", "message": "enable_key_rotation is unknown at scan time"}} with input as inp
}

# --- three outcomes --------------------------------------------------------

inst(name, cfg) := {"address": concat(".", ["aws_instance", name]), "ref": concat(".", ["aws_instance", name]), "type": "aws_instance", "module": "", "config": cfg}

test_unknown_at_walks_nested_blocks if {
	lib.unknown_at(inst("a", {"metadata_options": "${var.mo}"}), "metadata_options.http_tokens")
	lib.unknown_at(inst("a", {"metadata_options": [{"http_tokens": "${var.t}"}]}), "metadata_options.http_tokens")
	lib.unknown_at(inst("a", {"metadata_options": [{"http_tokens": "x", "_for_each": "${var.xs}"}]}), "metadata_options.http_tokens")
	lib.unknown_at(inst("a", {"a": [{"b": [{"c": ["ok", "${var.c}"]}]}]}), "a.b.c")
	lib.unknown_at(inst("a", {"a": [{"b": "${var.b}"}]}), "a.b.c")
	not lib.unknown_at(inst("a", {"metadata_options": [{"http_tokens": "required"}]}), "metadata_options.http_tokens")
	not lib.unknown_at(inst("a", {}), "metadata_options.http_tokens")
	not lib.unknown_at(inst("a", {"a": [{"b": [{"c": "known"}]}]}), "a.b.c")
}

test_unjudged_names_each_resource_once if {
	a := inst("a", {"x": "${var.x}", "y": "${var.y}"})
	b := inst("b", {"x": 1})
	c := inst("c", {"mo": [{"tokens": "${var.t}"}], "other": [{"z": "${var.z}"}]})
	d := inst("d", {"mo": [{"_for_each": "${var.xs}"}]})
	inp := {"resources_by_type": {"aws_instance": [a, b, c, d]}}
	lib.unjudged(["aws_instance"], ["y", "x"]) == {{"resource": "aws_instance.a", "message": "y is unknown at scan time"}} with input as inp
	lib.unjudged(["aws_instance"], ["mo", "tokens"]) == {
		{"resource": "aws_instance.c", "message": "tokens is unknown at scan time"},
		{"resource": "aws_instance.d", "message": "mo is unknown at scan time"},
	} with input as inp
	# Only inside the blocks named: "z" in block "other" is not read.
	lib.unjudged(["aws_instance"], ["mo", "z"]) == {{"resource": "aws_instance.d", "message": "mo is unknown at scan time"}} with input as inp
}

test_tri_state_verdicts if {
	lib.tri_in("required", ["required"]) == "pass"
	lib.tri_in("optional", ["required"]) == "fail"
	lib.tri_in("${var.t}", ["required"]) == "unknown"
	lib.tri_true(true) == "pass"
	lib.tri_true("true") == "pass"
	lib.tri_true(false) == "fail"
	lib.tri_true("${var.on}") == "unknown"
	lib.tri_min(7, 7) == "pass"
	lib.tri_min("30", 7) == "pass"
	lib.tri_min(1, 7) == "fail"
	lib.tri_min("abc", 7) == "fail"
	lib.tri_min("${var.days}", 7) == "unknown"
}

test_any_of_all_of if {
	lib.any_of(["fail", "unknown", "pass"]) == "pass"
	lib.any_of(["fail", "unknown"]) == "unknown"
	lib.any_of(["fail"]) == "fail"
	lib.all_of(["pass", "unknown", "fail"]) == "fail"
	lib.all_of(["pass", "unknown"]) == "unknown"
	lib.all_of(["pass"]) == "pass"
}

test_maybe_unset_keeps_references_to_resources if {
	a := inst("a", {"kms_key_id": "${var.kms}"})
	b := inst("b", {"kms_key_id": "${aws_kms_key.k.arn}"})
	c := inst("c", {"kms_key_id": "${data.aws_kms_key.k[0].arn}"})
	d := inst("d", {})
	e := inst("e", {"kms_key_id": "${aws_cloudwatch_log_group.g.arn}:*"})
	inp := {"resources_by_type": {"aws_instance": [a, b, c, d, e]}}
	lib.maybe_unset(["aws_instance"], ["kms_key_id"]) == {{"resource": "aws_instance.a", "message": "kms_key_id is unknown at scan time (it may be null)"}} with input as inp
}

test_unjudged_document_reads_json_and_data_documents if {
	a := inst("a", {"policy": "${var.policy}"})
	b := inst("b", {"policy": "{\"Statement\": [{\"Resource\": \"${aws_s3_bucket.b.arn}\"}]}"})
	c := inst("c", {"policy": "${data.aws_iam_policy_document.p.json}"})
	doc := {"address": "data.aws_iam_policy_document.p", "ref": "data.aws_iam_policy_document.p", "type": "aws_iam_policy_document", "mode": "data", "module": "", "config": {}}
	inp := {"resources_by_type": {"aws_instance": [a, b, c], "data.aws_iam_policy_document": [doc]}}
	lib.unjudged_document(["aws_instance"], "policy") == {{"resource": "aws_instance.a", "message": "policy is unknown at scan time"}} with input as inp
}

# --- provider configurations through module calls ------------------------------

vol(m, provider) := {"address": concat(".", [m, "aws_ebs_volume.v"]), "ref": "aws_ebs_volume.v", "type": "aws_ebs_volume", "provider": "aws", "module": m, "config": provider}

setting(provider) := {"address": "aws_ebs_encryption_by_default.on", "ref": "aws_ebs_encryption_by_default.on", "type": "aws_ebs_encryption_by_default", "provider": "aws", "module": "", "config": provider}

calls(cs) := {"resources": [], "resources_by_type": {}, "module_calls": cs}

test_effective_config_follows_providers_maps if {
	in_west := vol("module.app", {})
	lib.effective_config(in_west) == "aws.west" with input as calls([{"address": "module.app", "providers": {"aws": "aws.west"}}])
	lib.same_provider(setting({"provider": "${aws.west}"}), in_west) with input as calls([{"address": "module.app", "providers": {"aws": "aws.west"}}])
	lib.different_provider(setting({}), in_west) with input as calls([{"address": "module.app", "providers": {"aws": "aws.west"}}])
	not lib.maybe_same_provider(setting({}), in_west) with input as calls([{"address": "module.app", "providers": {"aws": "aws.west"}}])
}

test_effective_config_nested_and_aliased if {
	cs := [{"address": "module.a", "providers": {"aws.dr": "aws.replica"}}, {"address": "module.a.module.b", "providers": {"aws": "aws.dr"}}]
	lib.effective_config(vol("module.a.module.b", {})) == "aws.replica" with input as calls(cs)
}

test_default_configuration_is_inherited_without_a_map if {
	lib.effective_config(vol("module.app", {})) == "aws" with input as calls([{"address": "module.app"}])
	lib.same_provider(setting({}), vol("module.app", {})) with input as calls([{"address": "module.app"}])
	# An aliased configuration is never inherited: it must be passed.
	not lib.effective_config(vol("module.app", {"provider": "${aws.west}"})) with input as calls([{"address": "module.app"}])
	lib.maybe_same_provider(setting({}), vol("module.app", {"provider": "${aws.west}"})) with input as calls([{"address": "module.app"}])
}

test_unmapped_or_own_configuration_is_unknown if {
	# A map without the module's configuration, a module with its own provider block, a call the document does not list.
	lib.maybe_same_provider(setting({}), vol("module.app", {})) with input as calls([{"address": "module.app", "providers": {"aws.other": "aws"}}])
	lib.maybe_same_provider(setting({}), vol("module.app", {})) with input as calls([{"address": "module.app", "own_providers": ["aws"]}])
	lib.maybe_same_provider(setting({}), vol("module.app", {})) with input as calls([])
}

# --- references to resources -----------------------------------------------

# resource_reference replaced a pattern with a negated class (which compiles
# slowly); it must agree with the pattern on every sample.
reference_samples := [
	"${aws_kms_key.k.arn}",
	"${aws_cloudwatch_log_group.g.arn}:*",
	"${data.aws_iam_policy_document.p.json}",
	"${aws_instance.web[0].id}",
	"${aws_instance.web[\"a]b\"].id}",
	"${aws_instance.web[\"ключ\"].id}",
	"${aws_instance.web[\"}\"].id}",
	"${aws_instance.web[0]].id}",
	"${aws_instance.web[0][1].id}",
	"${aws_instance.web[0]}",
	"${aws_instance.web[0.id}",
	"${aws_instance.web.id[0]}",
	"${aws_instance.web.tags[\"Name\"]}",
	"${aws_instance.web}",
	"${var.kms_key_id}",
	"${module.kms.key_arn}",
	"${Aws_instance.web.id}",
	"x${aws_instance.web.id}",
	"",
]

reference_pattern := `^\$\{(data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z0-9_\-]+(\[[^\]]*\])?\.[A-Za-z0-9_.\[\]"]+\}`

test_resource_reference_agrees_with_its_pattern if {
	every s in reference_samples {
		reference_or_false(s) == regex.match(reference_pattern, s)
	}
}

reference_or_false(s) if lib.resource_reference(s)

reference_or_false(s) := false if not lib.resource_reference(s)

test_resource_reference_examples if {
	not lib.resource_reference("${aws_instance.web[\"a]b\"].id}")
	lib.resource_reference("${aws_instance.web[\"ключ\"].id}")
	lib.resource_reference("${aws_instance.web[0].id}")
	not lib.resource_reference("${aws_instance.web[0]}")
}
