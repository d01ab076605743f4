package rungs.gcp.storage.no_public_iam_test

import rego.v1

import data.rungs.gcp.storage.no_public_iam as policy

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

member(name, m) := res("google_storage_bucket_iam_member", name, {"bucket": "${google_storage_bucket.site.name}", "role": "roles/storage.objectViewer", "member": m})

test_all_users_member_denied if {
	findings := policy.deny with input as doc([member("public", "allUsers")])
	addresses(findings) == {"google_storage_bucket_iam_member.public"}
}

test_all_authenticated_binding_denied if {
	b := res("google_storage_bucket_iam_binding", "b", {"bucket": "x", "role": "roles/storage.objectViewer", "members": ["group:data@example.com", "allAuthenticatedUsers"]})
	findings := policy.deny with input as doc([b])
	addresses(findings) == {"google_storage_bucket_iam_binding.b"}
}

test_public_policy_data_denied if {
	p := res("google_storage_bucket_iam_policy", "p", {"bucket": "x", "policy_data": "${data.google_iam_policy.public.policy_data}"})
	d := data_res("google_iam_policy", "public", {"binding": [{"role": "roles/storage.objectViewer", "members": ["allUsers"]}]})
	findings := policy.deny with input as doc([p, d])
	addresses(findings) == {"google_storage_bucket_iam_policy.p"}
}

test_acls_denied if {
	a := res("google_storage_bucket_access_control", "a", {"bucket": "x", "role": "READER", "entity": "allUsers"})
	acl := res("google_storage_bucket_acl", "acl", {"bucket": "x", "role_entity": ["OWNER:project-owners-1", "READER:allAuthenticatedUsers"]})
	findings := policy.deny with input as doc([a, acl])
	addresses(findings) == {"google_storage_bucket_access_control.a", "google_storage_bucket_acl.acl"}
}

test_named_members_pass if {
	findings := policy.deny with input as doc([member("app", "serviceAccount:app@acme.iam.gserviceaccount.com")])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		member("m", "${var.member}"),
		res("google_storage_bucket_iam_binding", "b", {"bucket": "x", "role": "roles/storage.objectViewer", "members": "${var.members}"}),
		res("google_storage_bucket_access_control", "a", {"bucket": "x", "role": "READER", "entity": "${var.entity}"}),
	])
	count(findings) == 0
}
