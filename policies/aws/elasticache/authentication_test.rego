package rungs.aws.elasticache.authentication_test

import rego.v1

import data.rungs.aws.elasticache.authentication as policy

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

test_user_group_passes if {
	d := doc([res("aws_elasticache_replication_group", "x", {"user_group_ids": ["${aws_elasticache_user_group.app.id}"]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_token_from_random_password_passes if {
	d := doc([res("aws_elasticache_replication_group", "x", {"auth_token": "${random_password.cache.result}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_authentication_is_denied if {
	d := doc([res("aws_elasticache_replication_group", "x", {"transit_encryption_enabled": true})])
	addresses(policy.deny) == {"aws_elasticache_replication_group.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_empty_user_groups_are_denied if {
	d := doc([res("aws_elasticache_replication_group", "x", {"user_group_ids": []})])
	addresses(policy.deny) == {"aws_elasticache_replication_group.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_token_from_variable_is_not_judged if {
	d := doc([res("aws_elasticache_replication_group", "x", {"auth_token": "${var.token}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_elasticache_replication_group.x"} with input as d
}
