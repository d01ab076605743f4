package rungs.gcp.iam.no_primitive_roles_test

import rego.v1

import data.rungs.gcp.iam.no_primitive_roles as policy

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

test_owner_to_user_denied if {
	findings := policy.deny with input as doc([member("jane", "roles/owner", "user:jane@example.com")])
	addresses(findings) == {"google_project_iam_member.jane"}
}

test_editor_to_group_binding_denied if {
	b := res("google_folder_iam_binding", "devs", {"folder": "folders/1", "role": "roles/editor", "members": ["group:devs@example.com"]})
	findings := policy.deny with input as doc([b])
	addresses(findings) == {"google_folder_iam_binding.devs"}
}

test_owner_in_jsonencoded_policy_denied if {
	p := res("google_project_iam_policy", "p", {"project": "acme-prod", "policy_data": "{\"bindings\":[{\"members\":[\"serviceAccount:ci@acme.iam.gserviceaccount.com\"],\"role\":\"roles/viewer\"},{\"members\":[\"domain:example.com\"],\"role\":\"roles/editor\"}]}"})
	findings := policy.deny with input as doc([p])
	addresses(findings) == {"google_project_iam_policy.p"}
}

test_owner_in_data_policy_denied if {
	d := data_res("google_iam_policy", "admins", {"binding": [{"role": "roles/owner", "members": ["user:${var.admin}"]}]})
	p := res("google_organization_iam_policy", "org", {"org_id": "123", "policy_data": "${data.google_iam_policy.admins.policy_data}"})
	findings := policy.deny with input as doc([d, p])
	addresses(findings) == {"google_organization_iam_policy.org"}
}

test_predefined_role_and_service_account_pass if {
	findings := policy.deny with input as doc([
		member("viewer", "roles/viewer", "user:jane@example.com"),
		member("gke", "roles/container.admin", "group:platform@example.com"),
		member("ci", "roles/editor", "serviceAccount:ci@acme-prod.iam.gserviceaccount.com"),
	])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		member("a", "${var.role}", "user:jane@example.com"),
		member("b", "roles/owner", "${var.owner}"),
		res("google_project_iam_binding", "c", {"project": "p", "role": "roles/owner", "members": "${var.owners}"}),
		res("google_project_iam_policy", "d", {"project": "p", "policy_data": "${var.policy}"}),
	])
	count(findings) == 0
}
