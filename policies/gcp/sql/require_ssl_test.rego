package rungs.gcp.sql.require_ssl_test

import rego.v1

import data.rungs.gcp.sql.require_ssl as policy

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

db(settings) := res("google_sql_database_instance", "main", {"name": "main", "database_version": "POSTGRES_16", "settings": settings})

test_default_denied if {
	findings := policy.deny with input as doc([db([{"tier": "db-f1-micro"}])])
	addresses(findings) == {"google_sql_database_instance.main"}
}

test_allow_unencrypted_denied if {
	findings := policy.deny with input as doc([db([{"ip_configuration": [{"ssl_mode": "ALLOW_UNENCRYPTED_AND_ENCRYPTED"}]}])])
	count(findings) == 1
}

test_legacy_require_ssl_false_denied if {
	findings := policy.deny with input as doc([db([{"ip_configuration": [{"require_ssl": false}]}])])
	count(findings) == 1
}

test_encrypted_modes_pass if {
	findings := policy.deny with input as doc([
		db([{"ip_configuration": [{"ssl_mode": "ENCRYPTED_ONLY"}]}]),
		res("google_sql_database_instance", "b", {"settings": [{"ip_configuration": [{"ssl_mode": "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"}]}]}),
		res("google_sql_database_instance", "c", {"settings": [{"ip_configuration": [{"require_ssl": true}]}]}),
	])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		db([{"ip_configuration": [{"ssl_mode": "${var.ssl_mode}"}]}]),
		db([{"ip_configuration": "${var.ip_configuration}"}]),
		db([{"ip_configuration": [{"require_ssl": "${var.require_ssl}"}]}]),
		db("${var.settings}"),
	])
	count(findings) == 0
}
