package rungs.gcp.logging.bucket_customer_managed_key_test

import rego.v1

import data.rungs.gcp.logging.bucket_customer_managed_key as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "google", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

test_key_reference_passes if {
	d := doc([res("google_logging_project_bucket_config", "x", {"bucket_id": "audit", "cmek_settings": [{"kms_key_name": "${google_kms_crypto_key.logs.id}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_cmek_settings_is_denied if {
	d := doc([res("google_logging_project_bucket_config", "x", {"bucket_id": "audit"})])
	addresses(policy.deny) == {"google_logging_project_bucket_config.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_key_from_variable_is_not_judged if {
	d := doc([res("google_logging_project_bucket_config", "x", {"bucket_id": "audit", "cmek_settings": [{"kms_key_name": "${var.kms_key}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"google_logging_project_bucket_config.x"} with input as d
}

test_dynamic_settings_are_not_judged if {
	d := doc([res("google_logging_project_bucket_config", "x", {"bucket_id": "audit", "cmek_settings": [{"kms_key_name": "${each.value}", "_for_each": "${var.cmek}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"google_logging_project_bucket_config.x"} with input as d
}
