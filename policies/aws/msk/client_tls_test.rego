package rungs.aws.msk.client_tls_test

import rego.v1

import data.rungs.aws.msk.client_tls as policy

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

test_default_passes if {
	d := doc([res("aws_msk_cluster", "x", {"cluster_name": "events"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_tls_passes if {
	d := doc([res("aws_msk_cluster", "x", {"encryption_info": [{"encryption_in_transit": [{"client_broker": "TLS"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_plaintext_is_denied if {
	d := doc([res("aws_msk_cluster", "x", {"encryption_info": [{"encryption_in_transit": [{"client_broker": "PLAINTEXT"}]}]})])
	addresses(policy.deny) == {"aws_msk_cluster.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_tls_plaintext_is_denied if {
	d := doc([res("aws_msk_cluster", "x", {"encryption_info": [{"encryption_in_transit": [{"client_broker": "TLS_PLAINTEXT"}]}]})])
	addresses(policy.deny) == {"aws_msk_cluster.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_setting_is_not_judged if {
	d := doc([res("aws_msk_cluster", "x", {"encryption_info": [{"encryption_in_transit": [{"client_broker": "${var.client_broker}"}]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_msk_cluster.x"} with input as d
}

test_unknown_inner_block_is_not_judged if {
	d := doc([res("aws_msk_cluster", "x", {"encryption_info": [{"encryption_in_transit": "${var.transit}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_msk_cluster.x"} with input as d
}
