package rungs.gcp.sql.postgres_connection_logging_test

import rego.v1

import data.rungs.gcp.sql.postgres_connection_logging as policy

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

test_both_flags_pass if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "log_connections", "value": "on"}, {"name": "log_disconnections", "value": "on"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_flags_are_denied if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "POSTGRES_15", "settings": [{"tier": "db-f1-micro"}]})])
	addresses(policy.deny) == {"google_sql_database_instance.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_one_flag_is_denied if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "log_connections", "value": "on"}]}]})])
	addresses(policy.deny) == {"google_sql_database_instance.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_flag_off_is_denied if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "log_connections", "value": "off"}, {"name": "log_disconnections", "value": "on"}]}]})])
	addresses(policy.deny) == {"google_sql_database_instance.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_mysql_is_not_judged_here if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "MYSQL_8_0", "settings": [{"tier": "db-f1-micro"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_flag_value_is_not_judged if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "log_connections", "value": "${var.v}"}, {"name": "log_disconnections", "value": "on"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"google_sql_database_instance.x"} with input as d
}

test_dynamic_flags_are_not_judged if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "POSTGRES_15", "settings": [{"database_flags": [{"name": "${each.key}", "value": "${each.value}", "_for_each": "${var.flags}"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"google_sql_database_instance.x"} with input as d
}

test_unknown_version_is_not_judged if {
	d := doc([res("google_sql_database_instance", "x", {"database_version": "${var.version}", "settings": [{"tier": "db-f1-micro"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"google_sql_database_instance.x"} with input as d
}
