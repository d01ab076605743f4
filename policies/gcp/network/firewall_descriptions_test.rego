package rungs.gcp.network.firewall_descriptions_test

import rego.v1

import data.rungs.gcp.network.firewall_descriptions as policy

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

fw(cfg) := res("google_compute_firewall", "fw", object.union({"name": "fw", "network": "x", "allow": [{"protocol": "tcp", "ports": ["443"]}]}, cfg))

test_missing_description_denied if {
	findings := policy.deny with input as doc([fw({})])
	addresses(findings) == {"google_compute_firewall.fw"}
}

test_blank_description_denied if {
	findings := policy.deny with input as doc([fw({"description": "  "})])
	count(findings) == 1
}

test_described_passes if {
	findings := policy.deny with input as doc([fw({"description": "HTTPS to the web tier"})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([fw({"description": "${each.value.description}"})])
	count(findings) == 0
}
