package rungs.gcp.bigquery.dataset_not_public_test

import rego.v1

import data.rungs.gcp.bigquery.dataset_not_public as policy

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

ds(access) := res("google_bigquery_dataset", "sales", {"dataset_id": "sales", "location": "EU", "access": access})

test_public_access_block_denied if {
	findings := policy.deny with input as doc([ds([{"role": "OWNER", "special_group": "projectOwners"}, {"role": "READER", "special_group": "allAuthenticatedUsers"}])])
	addresses(findings) == {"google_bigquery_dataset.sales"}
}

test_public_dataset_access_and_iam_denied if {
	a := res("google_bigquery_dataset_access", "public", {"dataset_id": "sales", "role": "READER", "iam_member": "allUsers"})
	m := res("google_bigquery_dataset_iam_member", "public", {"dataset_id": "sales", "role": "roles/bigquery.dataViewer", "member": "allUsers"})
	findings := policy.deny with input as doc([a, m])
	addresses(findings) == {"google_bigquery_dataset_access.public", "google_bigquery_dataset_iam_member.public"}
}

test_named_access_passes if {
	findings := policy.deny with input as doc([
		ds([{"role": "OWNER", "special_group": "projectOwners"}, {"role": "READER", "group_by_email": "analysts@example.com"}]),
		res("google_bigquery_dataset_iam_member", "a", {"dataset_id": "sales", "role": "roles/bigquery.dataViewer", "member": "group:analysts@example.com"}),
	])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		ds([{"role": "READER", "special_group": "${var.group}"}]),
		ds("${local.access}"),
		res("google_bigquery_dataset_access", "x", {"dataset_id": "sales", "role": "READER", "iam_member": "${var.member}"}),
	])
	count(findings) == 0
}
