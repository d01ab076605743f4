package rungs.gcp.iam.no_public_principals_test

import rego.v1

import data.rungs.gcp.iam.no_public_principals as policy

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

test_public_project_member_denied if {
	m := res("google_project_iam_member", "pub", {"project": "acme-prod", "role": "roles/viewer", "member": "allAuthenticatedUsers"})
	findings := policy.deny with input as doc([m])
	addresses(findings) == {"google_project_iam_member.pub"}
}

test_public_service_account_binding_denied if {
	b := res("google_service_account_iam_binding", "token", {"service_account_id": "${google_service_account.ci.name}", "role": "roles/iam.serviceAccountTokenCreator", "members": ["group:ci@example.com", "allUsers"]})
	findings := policy.deny with input as doc([b])
	addresses(findings) == {"google_service_account_iam_binding.token"}
}

test_public_folder_policy_denied if {
	p := res("google_folder_iam_policy", "f", {"folder": "folders/1", "policy_data": "{\"bindings\":[{\"members\":[\"allUsers\"],\"role\":\"roles/browser\"}]}"})
	findings := policy.deny with input as doc([p])
	addresses(findings) == {"google_folder_iam_policy.f"}
}

test_named_principals_pass if {
	m := res("google_project_iam_member", "ci", {"project": "acme-prod", "role": "roles/viewer", "member": "serviceAccount:ci@acme.iam.gserviceaccount.com"})
	findings := policy.deny with input as doc([m])
	count(findings) == 0
}

test_unknown_no_finding if {
	m := res("google_project_iam_member", "x", {"project": "acme-prod", "role": "roles/viewer", "member": "${var.member}"})
	b := res("google_service_account_iam_binding", "b", {"service_account_id": "x", "role": "roles/iam.serviceAccountUser", "members": "${var.users}"})
	findings := policy.deny with input as doc([m, b])
	count(findings) == 0
}
