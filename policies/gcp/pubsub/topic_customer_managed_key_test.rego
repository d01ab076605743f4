package rungs.gcp.pubsub.topic_customer_managed_key_test

import rego.v1

import data.rungs.gcp.pubsub.topic_customer_managed_key as policy

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
	d := doc([res("google_pubsub_topic", "x", {"name": "t", "kms_key_name": "${google_kms_crypto_key.data.id}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_key_name_passes if {
	d := doc([res("google_pubsub_topic", "x", {"name": "t", "kms_key_name": "projects/p/locations/europe-west1/keyRings/r/cryptoKeys/k"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_key_is_denied if {
	d := doc([res("google_pubsub_topic", "x", {"name": "t"})])
	addresses(policy.deny) == {"google_pubsub_topic.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_key_from_variable_is_not_judged if {
	d := doc([res("google_pubsub_topic", "x", {"name": "t", "kms_key_name": "${var.kms_key}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"google_pubsub_topic.x"} with input as d
}
