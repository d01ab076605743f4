package rungs.gcp.sql.deletion_protection_test

import rego.v1

import data.rungs.gcp.sql.deletion_protection as policy

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

db(cfg) := res("google_sql_database_instance", "main", object.union({"name": "main", "database_version": "POSTGRES_16", "settings": [{"tier": "db-f1-micro"}]}, cfg))

test_disabled_denied if {
	findings := policy.deny with input as doc([db({"deletion_protection": false})])
	addresses(findings) == {"google_sql_database_instance.main"}
}

test_default_and_enabled_pass if {
	findings := policy.deny with input as doc([db({}), res("google_sql_database_instance", "b", {"deletion_protection": true})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([db({"deletion_protection": "${var.env != \"dev\"}"})])
	count(findings) == 0
}
