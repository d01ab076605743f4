package rungs.gcp.sql.postgres_pgaudit_test

import rego.v1

import data.rungs.gcp.sql.postgres_pgaudit as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "google", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

test_pgaudit_passes if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "cloudsql.enable_pgaudit", "value": "on"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_flags_are_denied if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "POSTGRES_15", "settings": [{"tier": "db-f1-micro"}]})])
	addresses(policy.deny) == {"google_sql_database_instance.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_flag_off_is_denied if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "cloudsql.enable_pgaudit", "value": "off"}]}]})])
	addresses(policy.deny) == {"google_sql_database_instance.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_sqlserver_is_not_judged_here if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "SQLSERVER_2019_STANDARD", "settings": [{"tier": "db-custom-2-7680"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_flag_value_is_not_judged if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "cloudsql.enable_pgaudit", "value": "${var.v}"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"google_sql_database_instance.x"} with input as d
}
