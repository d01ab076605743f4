package rungs.aws.secrets.literal_passwords_test

import rego.v1

import data.rungs.aws.secrets.literal_passwords as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

test_literal_db_password_is_denied if {
	d := doc([res("aws_db_instance", "app", {"username": "app", "password": "hunter2hunter2"})])
	addresses(policy.deny) == {"aws_db_instance.app"} with input as d
}

test_literal_broker_password_is_denied if {
	d := doc([res("aws_mq_broker", "q", {"user": [{"username": "app", "password": "${random_password.a.result}"}, {"username": "ops", "password": "hunter2hunter2"}]})])
	addresses(policy.deny) == {"aws_mq_broker.q"} with input as d
}

test_literal_search_master_password_is_denied if {
	d := doc([res("aws_opensearch_domain", "s", {"advanced_security_options": [{"enabled": true, "master_user_options": [{"master_user_name": "admin", "master_user_password": "hunter2hunter2"}]}]})])
	addresses(policy.deny) == {"aws_opensearch_domain.s"} with input as d
}

test_generated_password_passes if {
	d := doc([res("aws_rds_cluster", "c", {"master_password": "${random_password.db.result}"})])
	addresses(policy.deny) == set() with input as d
}

test_managed_password_passes if {
	d := doc([res("aws_db_instance", "app", {"manage_master_user_password": true})])
	addresses(policy.deny) == set() with input as d
}

test_password_from_variable_passes if {
	d := doc([res("aws_redshift_cluster", "dw", {"master_password": "${var.dw_password}"})])
	addresses(policy.deny) == set() with input as d
}

test_finding_names_the_argument_not_the_value if {
	d := doc([res("aws_db_instance", "app", {"password": "hunter2hunter2"})])
	policy.deny == {{"resource": "aws_db_instance.app", "message": "password is a literal value in the code (value not shown)"}} with input as d
}
