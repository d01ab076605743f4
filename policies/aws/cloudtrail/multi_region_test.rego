package rungs.aws.cloudtrail.multi_region_test

import rego.v1

import data.rungs.aws.cloudtrail.multi_region as policy

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

trail(name, cfg) := res("aws_cloudtrail", name, object.union({"name": name, "s3_bucket_name": "trail-logs"}, cfg))

test_only_single_region_trails_denied if {
	d := doc([trail("a", {"is_multi_region_trail": false}), trail("b", {})])
	addresses(policy.deny) == {"aws_cloudtrail.a", "aws_cloudtrail.b"} with input as d
	count(policy.unknown) == 0 with input as d
}

test_a_multi_region_trail_covers_regional_ones if {
	d := doc([trail("all", {"is_multi_region_trail": true}), trail("data_events", {})])
	count(policy.deny) == 0 with input as d
	count(policy.unknown) == 0 with input as d
}

test_a_multi_region_trail_that_does_not_log_covers_nothing if {
	d := doc([trail("all", {"is_multi_region_trail": true, "enable_logging": false}), trail("regional", {})])
	addresses(policy.deny) == {"aws_cloudtrail.regional"} with input as d
}

test_another_provider_configuration_may_be_another_account if {
	d := doc([trail("all", {"is_multi_region_trail": true, "provider": "${aws.member}"}), trail("regional", {})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"aws_cloudtrail.regional"} with input as d
}

test_unknown_settings_are_not_judged if {
	d := doc([trail("maybe", {"is_multi_region_trail": "${var.multi}"}), trail("regional", {})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"aws_cloudtrail.maybe", "aws_cloudtrail.regional"} with input as d
	d2 := doc([trail("all", {"is_multi_region_trail": true, "enable_logging": "${var.on}"}), trail("regional", {})])
	count(policy.deny) == 0 with input as d2
	addresses(policy.unknown) == {"aws_cloudtrail.regional"} with input as d2
}

test_unknown_trail_covered_by_a_known_one_passes if {
	d := doc([trail("all", {"is_multi_region_trail": true}), trail("maybe", {"is_multi_region_trail": "${var.multi}"})])
	count(policy.deny) == 0 with input as d
	count(policy.unknown) == 0 with input as d
}
