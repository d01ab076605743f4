package rungs.aws.rds.storage_encrypted_test

import rego.v1

import data.rungs.aws.rds.storage_encrypted as policy

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

db(cfg) := res("aws_db_instance", "app", object.union({"engine": "postgres", "instance_class": "db.t3.micro"}, cfg))

test_unencrypted_instance_denied if {
	findings := policy.deny with input as doc([db({})])
	addresses(findings) == {"aws_db_instance.app"}
}

test_encrypted_instance_passes if {
	findings := policy.deny with input as doc([db({"storage_encrypted": true})])
	count(findings) == 0
}

test_replica_not_judged if {
	findings := policy.deny with input as doc([db({"replicate_source_db": "${aws_db_instance.primary.identifier}"})])
	count(findings) == 0
}

test_cluster_denied_and_serverless_passes if {
	c1 := res("aws_rds_cluster", "a", {"engine": "aurora-postgresql", "storage_encrypted": false})
	c2 := res("aws_rds_cluster", "b", {"engine": "aurora-mysql", "engine_mode": "serverless"})
	findings := policy.deny with input as doc([c1, c2])
	addresses(findings) == {"aws_rds_cluster.a"}
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([db({"storage_encrypted": "${var.encrypted}"})])
	count(findings) == 0
}

test_unknown_storage_encrypted_is_not_judged if {
	inp := doc([res("aws_db_instance", "x", {"storage_encrypted": "${var.x}"})])
	policy.unknown == {{"resource": "aws_db_instance.x", "message": "storage_encrypted is unknown at scan time"}} with input as inp
	count(policy.deny) == 0 with input as inp
}
