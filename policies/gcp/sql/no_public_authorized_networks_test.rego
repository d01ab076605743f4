package rungs.gcp.sql.no_public_authorized_networks_test

import rego.v1

import data.rungs.gcp.sql.no_public_authorized_networks as policy

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

db(ipc) := res("google_sql_database_instance", "main", {"name": "main", "database_version": "POSTGRES_16", "settings": [{"tier": "db-f1-micro", "ip_configuration": ipc}]})

test_open_network_denied if {
	findings := policy.deny with input as doc([db([{"authorized_networks": [{"name": "office", "value": "203.0.113.0/24"}, {"name": "all", "value": "0.0.0.0/0"}]}])])
	addresses(findings) == {"google_sql_database_instance.main"}
}

test_explicit_public_ip_open_denied if {
	findings := policy.deny with input as doc([db([{"ipv4_enabled": true, "authorized_networks": [{"value": "0.0.0.0/0"}]}])])
	count(findings) == 1
}

test_restricted_networks_pass if {
	findings := policy.deny with input as doc([db([{"authorized_networks": [{"name": "office", "value": "203.0.113.0/24"}]}])])
	count(findings) == 0
}

test_private_only_passes if {
	findings := policy.deny with input as doc([
		db([{"ipv4_enabled": false, "private_network": "x", "authorized_networks": [{"value": "0.0.0.0/0"}]}]),
		res("google_sql_database_instance", "b", {"settings": [{"tier": "db-f1-micro"}]}),
	])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		db([{"authorized_networks": [{"value": "${var.client_cidr}"}]}]),
		db([{"ipv4_enabled": "${var.public_ip}", "authorized_networks": [{"value": "0.0.0.0/0"}]}]),
		db("${var.ip_configuration}"),
	])
	count(findings) == 0
}
