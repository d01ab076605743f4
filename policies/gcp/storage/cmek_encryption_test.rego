package rungs.gcp.storage.cmek_encryption_test

import rego.v1

import data.rungs.gcp.storage.cmek_encryption as policy

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

bucket(cfg) := res("google_storage_bucket", "data", object.union({"name": "acme-data", "location": "EU"}, cfg))

test_no_encryption_denied if {
	findings := policy.deny with input as doc([bucket({})])
	addresses(findings) == {"google_storage_bucket.data"}
}

test_empty_key_denied if {
	findings := policy.deny with input as doc([bucket({"encryption": [{"default_kms_key_name": ""}]})])
	count(findings) == 1
}

test_cmek_passes if {
	findings := policy.deny with input as doc([bucket({"encryption": [{"default_kms_key_name": "projects/p/locations/eu/keyRings/r/cryptoKeys/k"}]})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		bucket({"encryption": [{"default_kms_key_name": "${google_kms_crypto_key.storage.id}"}]}),
		res("google_storage_bucket", "b", {"name": "b", "encryption": "${var.encryption}"}),
	])
	count(findings) == 0
}
