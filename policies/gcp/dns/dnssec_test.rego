package rungs.gcp.dns.dnssec_test

import rego.v1

import data.rungs.gcp.dns.dnssec as policy

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

zone(cfg) := res("google_dns_managed_zone", "public", object.union({"name": "acme-com", "dns_name": "acme.com."}, cfg))

test_no_dnssec_denied if {
	findings := policy.deny with input as doc([zone({})])
	addresses(findings) == {"google_dns_managed_zone.public"}
}

test_dnssec_off_denied if {
	findings := policy.deny with input as doc([zone({"visibility": "public", "dnssec_config": [{"state": "off"}]})])
	count(findings) == 1
}

test_dnssec_on_passes if {
	findings := policy.deny with input as doc([zone({"dnssec_config": [{"state": "on"}]})])
	count(findings) == 0
}

test_private_zone_not_judged if {
	findings := policy.deny with input as doc([zone({"visibility": "private"})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		zone({"dnssec_config": [{"state": "${var.dnssec_state}"}]}),
		zone({"visibility": "${var.visibility}"}),
		zone({"dnssec_config": "${local.dnssec}"}),
	])
	count(findings) == 0
}
