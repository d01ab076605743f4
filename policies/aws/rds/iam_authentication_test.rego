package rungs.aws.rds.iam_authentication_test

import rego.v1

import data.rungs.aws.rds.iam_authentication as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "aws", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

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

db(cfg) := res("aws_db_instance", "app", object.union({"engine": "postgres", "instance_class": "db.t4g.medium"}, cfg))

cluster(cfg) := res("aws_rds_cluster", "app", object.union({"engine": "aurora-postgresql", "cluster_identifier": "app"}, cfg))

test_default_denied if {
	addresses(policy.deny) == {"aws_db_instance.app"} with input as doc([db({})])
	addresses(policy.deny) == {"aws_rds_cluster.app"} with input as doc([cluster({"iam_database_authentication_enabled": false})])
}

test_enabled_passes if {
	count(policy.deny) == 0 with input as doc([db({"iam_database_authentication_enabled": true}), cluster({"iam_database_authentication_enabled": true})])
}

test_unsupported_engines_and_members_not_judged if {
	count(policy.deny) == 0 with input as doc([db({"engine": "sqlserver-se"})])
	count(policy.deny) == 0 with input as doc([db({"engine": "aurora-postgresql", "cluster_identifier": "${aws_rds_cluster.app.id}"})])
	count(policy.deny) == 0 with input as doc([db({"replicate_source_db": "${aws_db_instance.primary.identifier}"})])
	count(policy.deny) == 0 with input as doc([db({"engine": "${var.engine}"})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([db({"iam_database_authentication_enabled": "${var.iam_auth}"})])
}

test_cluster_without_engine_is_aurora_mysql_and_judged if {
	c := res("aws_rds_cluster", "app", {"cluster_identifier": "app"})
	addresses(policy.deny) == {"aws_rds_cluster.app"} with input as doc([c])
	count(policy.deny) == 0 with input as doc([object.union(c, {"config": {"cluster_identifier": "app", "iam_database_authentication_enabled": true}})])
}
