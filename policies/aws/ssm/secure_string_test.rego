package rungs.aws.ssm.secure_string_test

import rego.v1

import data.rungs.aws.ssm.secure_string as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

test_secure_string_passes if {
	d := doc([res("aws_ssm_parameter", "x", {"name": "/app/db/password", "type": "SecureString"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_plain_password_is_denied if {
	d := doc([res("aws_ssm_parameter", "x", {"name": "/app/db/password", "type": "String"})])
	addresses(policy.deny) == {"aws_ssm_parameter.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_plain_api_key_is_denied if {
	d := doc([res("aws_ssm_parameter", "x", {"name": "/app/stripe/API_KEY", "type": "String"})])
	addresses(policy.deny) == {"aws_ssm_parameter.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_plain_setting_passes if {
	d := doc([res("aws_ssm_parameter", "x", {"name": "/app/feature/flags", "type": "StringList"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_type_is_not_judged if {
	d := doc([res("aws_ssm_parameter", "x", {"name": "/app/token", "type": "${var.type}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_ssm_parameter.x"} with input as d
}

test_unknown_name_is_not_judged if {
	d := doc([res("aws_ssm_parameter", "x", {"name": "${var.name}", "type": "String"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_ssm_parameter.x"} with input as d
}

test_secret_word_inside_unknown_name_is_judged if {
	d := doc([res("aws_ssm_parameter", "x", {"name": "/app/${var.env}/password", "type": "String"})])
	addresses(policy.deny) == {"aws_ssm_parameter.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_name_and_type_is_unknown if {
	d := doc([res("aws_ssm_parameter", "x", {"name": "${var.name}", "type": "${var.type}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_ssm_parameter.x"} with input as d
}
