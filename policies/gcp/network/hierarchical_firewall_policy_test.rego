package rungs.gcp.network.hierarchical_firewall_policy_test

import rego.v1

import data.rungs.gcp.network.hierarchical_firewall_policy as policy

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

fp := res("google_compute_firewall_policy", "org", {"parent": "organizations/1", "short_name": "org-baseline"})

assoc(v) := res("google_compute_firewall_policy_association", "org", {"firewall_policy": v, "attachment_target": "organizations/1", "name": "org"})

test_associated_policy_present if {
	policy.present with input as doc([fp, assoc("${google_compute_firewall_policy.org.id}")])
}

test_unassociated_policy_not_present if {
	not policy.present with input as doc([fp])
}

test_unknown_policy_reference_present if {
	policy.present with input as doc([fp, assoc("${var.firewall_policy_id}")])
}

test_nothing_not_present if {
	not policy.present with input as doc([res("google_compute_network", "main", {"name": "main"})])
}
