package rungs.gcp.essentialcontacts.security_contact_test

import rego.v1

import data.rungs.gcp.essentialcontacts.security_contact as policy

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

contact(categories) := res("google_essential_contacts_contact", "c", {"parent": "organizations/1", "email": "security@example.com", "language_tag": "en", "notification_category_subscriptions": categories})

test_security_present if {
	policy.present with input as doc([contact(["SECURITY", "TECHNICAL"])])
	policy.present with input as doc([contact(["ALL"])])
}

test_billing_only_not_present if {
	not policy.present with input as doc([contact(["BILLING", "LEGAL"])])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([contact("${var.categories}")])
	policy.present with input as doc([contact(["${each.value}"])])
}
