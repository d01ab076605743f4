package rungs.gcp.sql.backups_test

import rego.v1

import data.rungs.gcp.sql.backups as policy

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

db(s) := res("google_sql_database_instance", "main", {"name": "main", "database_version": "POSTGRES_16", "settings": [object.union({"tier": "db-f1-micro"}, s)]})

test_no_backup_configuration_denied if {
	findings := policy.deny with input as doc([db({})])
	addresses(findings) == {"google_sql_database_instance.main"}
}

test_disabled_denied if {
	findings := policy.deny with input as doc([db({"backup_configuration": [{"enabled": false}]})])
	count(findings) == 1
}

test_short_retention_denied if {
	findings := policy.deny with input as doc([db({"backup_configuration": [{"enabled": true, "backup_retention_settings": [{"retained_backups": 3}]}]})])
	count(findings) == 1
}

test_enabled_passes if {
	findings := policy.deny with input as doc([
		db({"backup_configuration": [{"enabled": true}]}),
		res("google_sql_database_instance", "b", {"settings": [{"backup_configuration": [{"enabled": true, "backup_retention_settings": [{"retained_backups": 30}]}]}]}),
	])
	count(findings) == 0
}

test_replica_not_judged if {
	r := res("google_sql_database_instance", "replica", {"master_instance_name": "${google_sql_database_instance.main.name}", "settings": [{"tier": "db-f1-micro"}]})
	findings := policy.deny with input as doc([r])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		db({"backup_configuration": [{"enabled": "${var.backups}"}]}),
		db({"backup_configuration": "${local.backups}"}),
		db({"backup_configuration": [{"enabled": true, "backup_retention_settings": [{"retained_backups": "${var.keep}"}]}]}),
	])
	count(findings) == 0
}
