package rungs.gcp.compute.disk_keys_not_in_code_test

import rego.v1

import data.rungs.gcp.compute.disk_keys_not_in_code as policy

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

test_raw_key_on_disk_denied if {
	d := res("google_compute_disk", "data", {"name": "data", "disk_encryption_key": [{"raw_key": "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0="}]})
	findings := policy.deny with input as doc([d])
	addresses(findings) == {"google_compute_disk.data"}
}

test_raw_key_on_boot_disk_denied if {
	vm := res("google_compute_instance", "vm", {"name": "vm", "boot_disk": [{"disk_encryption_key_raw": "SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0=", "initialize_params": [{"image": "debian-cloud/debian-12"}]}]})
	findings := policy.deny with input as doc([vm])
	addresses(findings) == {"google_compute_instance.vm"}
}

test_kms_and_default_keys_pass if {
	findings := policy.deny with input as doc([
		res("google_compute_disk", "a", {"name": "a", "disk_encryption_key": [{"kms_key_self_link": "${google_kms_crypto_key.disks.id}"}]}),
		res("google_compute_disk", "b", {"name": "b"}),
		res("google_compute_instance", "vm", {"name": "vm", "boot_disk": [{"kms_key_self_link": "projects/p/locations/l/keyRings/r/cryptoKeys/k"}]}),
	])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		res("google_compute_disk", "a", {"name": "a", "disk_encryption_key": [{"raw_key": "${var.disk_key}"}]}),
		res("google_compute_instance", "vm", {"name": "vm", "attached_disk": [{"source": "x", "disk_encryption_key_raw": "${data.google_secret_manager_secret_version.key.secret_data}"}]}),
	])
	count(findings) == 0
}
