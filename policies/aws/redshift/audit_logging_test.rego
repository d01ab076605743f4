package rungs.aws.redshift.audit_logging_test

import rego.v1

import data.rungs.aws.redshift.audit_logging as policy

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

test_inline_logging_passes if {
	d := doc([res("aws_redshift_cluster", "x", {"logging": [{"enable": true, "bucket_name": "logs"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_logging_is_denied if {
	d := doc([res("aws_redshift_cluster", "x", {"cluster_identifier": "dw"})])
	addresses(policy.deny) == {"aws_redshift_cluster.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_disabled_inline_logging_is_denied if {
	d := doc([res("aws_redshift_cluster", "x", {"logging": [{"enable": false}]})])
	addresses(policy.deny) == {"aws_redshift_cluster.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_inline_flag_is_not_judged if {
	d := doc([res("aws_redshift_cluster", "x", {"logging": [{"enable": "${var.log}"}]})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_redshift_cluster.x"} with input as d
}

test_companion_by_reference_passes if {
	d := doc([res("aws_redshift_cluster", "dw", {"cluster_identifier": "dw"}), res("aws_redshift_logging", "dw", {"cluster_identifier": "${aws_redshift_cluster.dw.id}", "log_destination_type": "cloudwatch"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_companion_by_name_passes if {
	d := doc([res("aws_redshift_cluster", "dw", {"cluster_identifier": "dw"}), res("aws_redshift_logging", "dw", {"cluster_identifier": "dw"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_companion_of_another_cluster_does_not_count if {
	d := doc([res("aws_redshift_cluster", "dw", {"cluster_identifier": "dw"}), res("aws_redshift_cluster", "other", {"cluster_identifier": "other"}), res("aws_redshift_logging", "other", {"cluster_identifier": "${aws_redshift_cluster.other.id}"})])
	addresses(policy.deny) == {"aws_redshift_cluster.dw"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unresolved_companion_is_not_judged if {
	d := doc([res("aws_redshift_cluster", "dw", {"cluster_identifier": "dw"}), res("aws_redshift_logging", "x", {"cluster_identifier": "${var.cluster}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_redshift_cluster.dw", "aws_redshift_logging.x"} with input as d
}

test_logging_resource_with_unknown_cluster_is_unknown if {
	d := doc([
		res("aws_redshift_logging", "u", {"cluster_identifier": "${var.cluster}"}),
		res("aws_redshift_logging", "k", {"cluster_identifier": "analytics"}),
	])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"aws_redshift_logging.u"} with input as d
}
