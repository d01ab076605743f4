package rungs.gcp.bigquery.dataset_cmek_test

import rego.v1

import data.rungs.gcp.bigquery.dataset_cmek as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "google", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "google", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

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

ds(cfg) := res("google_bigquery_dataset", "sales", object.union({"dataset_id": "sales", "location": "EU"}, cfg))

test_no_cmek_denied if {
	findings := policy.deny with input as doc([ds({})])
	addresses(findings) == {"google_bigquery_dataset.sales"}
}

test_cmek_passes if {
	findings := policy.deny with input as doc([ds({"default_encryption_configuration": [{"kms_key_name": "projects/p/locations/eu/keyRings/r/cryptoKeys/bq"}]})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		ds({"default_encryption_configuration": [{"kms_key_name": "${var.key}"}]}),
		ds({"default_encryption_configuration": "${local.encryption}"}),
	])
	count(findings) == 0
}
