package rungs.gcp.iam.no_public_service_resources_test

import rego.v1

import data.rungs.gcp.iam.no_public_service_resources as policy

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

test_public_kms_key_denied if {
	m := res("google_kms_crypto_key_iam_member", "pub", {"crypto_key_id": "${google_kms_crypto_key.k.id}", "role": "roles/cloudkms.cryptoKeyEncrypter", "member": "allUsers"})
	findings := policy.deny with input as doc([m])
	addresses(findings) == {"google_kms_crypto_key_iam_member.pub"}
}

test_public_cloud_run_binding_denied if {
	b := res("google_cloud_run_v2_service_iam_binding", "invoke", {"name": "api", "role": "roles/run.invoker", "members": ["allAuthenticatedUsers"]})
	findings := policy.deny with input as doc([b])
	addresses(findings) == {"google_cloud_run_v2_service_iam_binding.invoke"}
}

test_public_topic_policy_denied if {
	d := data_res("google_iam_policy", "pub", {"binding": [{"role": "roles/pubsub.publisher", "members": ["allUsers"]}]})
	p := res("google_pubsub_topic_iam_policy", "t", {"topic": "events", "policy_data": "${data.google_iam_policy.pub.policy_data}"})
	findings := policy.deny with input as doc([d, p])
	addresses(findings) == {"google_pubsub_topic_iam_policy.t"}
}

test_named_principals_pass if {
	m := res("google_secret_manager_secret_iam_member", "app", {"secret_id": "db", "role": "roles/secretmanager.secretAccessor", "member": "serviceAccount:app@acme.iam.gserviceaccount.com"})
	findings := policy.deny with input as doc([m])
	count(findings) == 0
}

test_unknown_no_finding if {
	m := res("google_cloud_run_v2_service_iam_member", "invoke", {"name": "api", "role": "roles/run.invoker", "member": "${var.invoker}"})
	b := res("google_pubsub_topic_iam_binding", "b", {"topic": "t", "role": "roles/pubsub.publisher", "members": "${var.publishers}"})
	findings := policy.deny with input as doc([m, b])
	count(findings) == 0
}
