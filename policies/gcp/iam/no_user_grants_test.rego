package rungs.gcp.iam.no_user_grants_test

import rego.v1

import data.rungs.gcp.iam.no_user_grants as policy

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

test_user_member_denied if {
	findings := policy.deny with input as doc([member("jane", "roles/bigquery.dataEditor", "user:jane@example.com")])
	addresses(findings) == {"google_project_iam_member.jane"}
}

test_user_in_binding_denied if {
	b := res("google_organization_iam_binding", "auditors", {"org_id": "1", "role": "roles/iam.securityReviewer", "members": ["group:audit@example.com", "user:bob@example.com"]})
	findings := policy.deny with input as doc([b])
	addresses(findings) == {"google_organization_iam_binding.auditors"}
}

test_groups_and_service_accounts_pass if {
	findings := policy.deny with input as doc([
		member("a", "roles/bigquery.dataEditor", "group:data@example.com"),
		member("b", "roles/logging.logWriter", "serviceAccount:app@acme-prod.iam.gserviceaccount.com"),
	])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		member("a", "roles/viewer", "${var.member}"),
		res("google_project_iam_binding", "b", {"project": "p", "role": "roles/viewer", "members": "${var.members}"}),
	])
	count(findings) == 0
}
