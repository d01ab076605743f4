package rungs.aws.dms.endpoint_tls_test

import rego.v1

import data.rungs.aws.dms.endpoint_tls as policy

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

test_verify_full_passes if {
	d := doc([res("aws_dms_endpoint", "x", {"engine_name": "postgres", "ssl_mode": "verify-full"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_default_is_denied if {
	d := doc([res("aws_dms_endpoint", "x", {"engine_name": "mysql"})])
	addresses(policy.deny) == {"aws_dms_endpoint.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_none_is_denied if {
	d := doc([res("aws_dms_endpoint", "x", {"engine_name": "sqlserver", "ssl_mode": "none"})])
	addresses(policy.deny) == {"aws_dms_endpoint.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_s3_target_is_not_judged_here if {
	d := doc([res("aws_dms_endpoint", "x", {"engine_name": "s3"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_mode_is_not_judged if {
	d := doc([res("aws_dms_endpoint", "x", {"engine_name": "postgres", "ssl_mode": "${var.ssl}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_dms_endpoint.x"} with input as d
}

test_unknown_engine_is_not_judged if {
	d := doc([res("aws_dms_endpoint", "x", {"engine_name": "${var.engine}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_dms_endpoint.x"} with input as d
}
