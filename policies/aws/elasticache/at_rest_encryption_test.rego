package rungs.aws.elasticache.at_rest_encryption_test

import rego.v1

import data.rungs.aws.elasticache.at_rest_encryption as policy

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

test_encrypted_passes if {
	d := doc([res("aws_elasticache_replication_group", "x", {"at_rest_encryption_enabled": true})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_redis_default_is_denied if {
	d := doc([res("aws_elasticache_replication_group", "x", {})])
	addresses(policy.deny) == {"aws_elasticache_replication_group.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_valkey_default_passes if {
	d := doc([res("aws_elasticache_replication_group", "x", {"engine": "valkey"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_explicit_false_is_denied if {
	d := doc([res("aws_elasticache_replication_group", "x", {"engine": "valkey", "at_rest_encryption_enabled": false})])
	addresses(policy.deny) == {"aws_elasticache_replication_group.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_setting_is_not_judged if {
	d := doc([res("aws_elasticache_replication_group", "x", {"at_rest_encryption_enabled": "${var.encrypted}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_elasticache_replication_group.x"} with input as d
}

test_default_of_unknown_engine_is_not_judged if {
	d := doc([res("aws_elasticache_replication_group", "x", {"engine": "${var.engine}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_elasticache_replication_group.x"} with input as d
}
