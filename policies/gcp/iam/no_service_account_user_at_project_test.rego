package rungs.gcp.iam.no_service_account_user_at_project_test

import rego.v1

import data.rungs.gcp.iam.no_service_account_user_at_project as policy

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

member(name, role, m) := res("google_project_iam_member", name, {"project": "acme-prod", "role": role, "member": m})

test_sa_user_to_group_denied if {
	findings := policy.deny with input as doc([member("deployers", "roles/iam.serviceAccountUser", "group:deployers@example.com")])
	addresses(findings) == {"google_project_iam_member.deployers"}
}

test_token_creator_in_policy_denied if {
	p := res("google_folder_iam_policy", "f", {"folder": "folders/1", "policy_data": "{\"bindings\":[{\"members\":[\"user:jane@example.com\"],\"role\":\"roles/iam.serviceAccountTokenCreator\"}]}"})
	findings := policy.deny with input as doc([p])
	addresses(findings) == {"google_folder_iam_policy.f"}
}

test_service_account_principal_and_other_roles_pass if {
	findings := policy.deny with input as doc([
		member("ci", "roles/iam.serviceAccountUser", "serviceAccount:ci@acme-prod.iam.gserviceaccount.com"),
		member("viewer", "roles/viewer", "group:devs@example.com"),
	])
	count(findings) == 0
}

test_grant_on_service_account_is_not_judged if {
	m := res("google_service_account_iam_member", "deployers", {"service_account_id": "x", "role": "roles/iam.serviceAccountUser", "member": "group:deployers@example.com"})
	findings := policy.deny with input as doc([m])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		member("a", "roles/iam.serviceAccountUser", "${var.deployer}"),
		member("b", "${var.role}", "group:deployers@example.com"),
	])
	count(findings) == 0
}
