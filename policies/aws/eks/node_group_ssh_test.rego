package rungs.aws.eks.node_group_ssh_test

import rego.v1

import data.rungs.aws.eks.node_group_ssh as policy

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

test_no_remote_access_passes if {
	d := doc([res("aws_eks_node_group", "x", {"cluster_name": "main"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_restricted_sources_pass if {
	d := doc([res("aws_eks_node_group", "x", {"remote_access": [{"ec2_ssh_key": "ops", "source_security_group_ids": ["${aws_security_group.bastion.id}"]}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_key_without_sources_is_denied if {
	d := doc([res("aws_eks_node_group", "x", {"remote_access": [{"ec2_ssh_key": "ops"}]})])
	addresses(policy.deny) == {"aws_eks_node_group.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_empty_sources_are_denied if {
	d := doc([res("aws_eks_node_group", "x", {"remote_access": [{"ec2_ssh_key": "${aws_key_pair.ops.key_name}", "source_security_group_ids": []}]})])
	addresses(policy.deny) == {"aws_eks_node_group.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_sources_are_not_judged if {
	d := doc([res("aws_eks_node_group", "x", {"remote_access": [{"ec2_ssh_key": "ops", "source_security_group_ids": "${var.ssh_sources}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_eks_node_group.x"} with input as d
}

test_dynamic_remote_access_is_not_judged if {
	d := doc([res("aws_eks_node_group", "x", {"remote_access": [{"ec2_ssh_key": "ops", "_for_each": "${var.ssh}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_eks_node_group.x"} with input as d
}
