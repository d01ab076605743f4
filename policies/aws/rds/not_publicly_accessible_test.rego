package rungs.aws.rds.not_publicly_accessible_test

import rego.v1

import data.rungs.aws.rds.not_publicly_accessible as policy

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

test_public_instance_denied if {
	findings := policy.deny with input as doc([res("aws_db_instance", "app", {"publicly_accessible": true})])
	addresses(findings) == {"aws_db_instance.app"}
}

test_public_cluster_instance_denied if {
	findings := policy.deny with input as doc([res("aws_rds_cluster_instance", "a", {"publicly_accessible": true})])
	addresses(findings) == {"aws_rds_cluster_instance.a"}
}

test_private_and_default_pass if {
	findings := policy.deny with input as doc([res("aws_db_instance", "a", {"publicly_accessible": false}), res("aws_db_instance", "b", {})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([res("aws_db_instance", "app", {"publicly_accessible": "${var.public}"})])
	count(findings) == 0
}

test_unknown_publicly_accessible_is_not_judged if {
	inp := doc([res("aws_db_instance", "x", {"publicly_accessible": "${var.x}"})])
	policy.unknown == {{"resource": "aws_db_instance.x", "message": "publicly_accessible is unknown at scan time"}} with input as inp
	count(policy.deny) == 0 with input as inp
}
