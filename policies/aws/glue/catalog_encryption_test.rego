package rungs.aws.glue.catalog_encryption_test

import rego.v1

import data.rungs.aws.glue.catalog_encryption as policy

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

test_sse_kms_passes if {
	d := doc([res("aws_glue_data_catalog_encryption_settings", "x", {"data_catalog_encryption_settings": [{"encryption_at_rest": [{"catalog_encryption_mode": "SSE-KMS"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_disabled_is_denied if {
	d := doc([res("aws_glue_data_catalog_encryption_settings", "x", {"data_catalog_encryption_settings": [{"encryption_at_rest": [{"catalog_encryption_mode": "DISABLED"}]}]})])
	addresses(policy.deny) == {"aws_glue_data_catalog_encryption_settings.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_block_is_denied if {
	d := doc([res("aws_glue_data_catalog_encryption_settings", "x", {"data_catalog_encryption_settings": [{"connection_password_encryption": [{"return_connection_password_encrypted": true}]}]})])
	addresses(policy.deny) == {"aws_glue_data_catalog_encryption_settings.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_mode_is_not_judged if {
	d := doc([res("aws_glue_data_catalog_encryption_settings", "x", {"data_catalog_encryption_settings": [{"encryption_at_rest": [{"catalog_encryption_mode": "${var.mode}"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_glue_data_catalog_encryption_settings.x"} with input as d
}
