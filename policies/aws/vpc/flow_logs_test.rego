package rungs.aws.vpc.flow_logs_test

import rego.v1

import data.rungs.aws.vpc.flow_logs as policy

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

vpc := res("aws_vpc", "main", {"cidr_block": "10.0.0.0/16"})

flow(v) := res("aws_flow_log", "main", {"vpc_id": v, "traffic_type": "ALL"})

test_vpc_without_flow_log_denied if {
	findings := policy.deny with input as doc([vpc])
	addresses(findings) == {"aws_vpc.main"}
}

test_vpc_with_flow_log_passes if {
	findings := policy.deny with input as doc([vpc, flow("${aws_vpc.main.id}")])
	count(findings) == 0
}

test_flow_log_on_other_vpc_denied if {
	other := res("aws_vpc", "other", {"cidr_block": "10.1.0.0/16"})
	findings := policy.deny with input as doc([vpc, other, flow("${aws_vpc.other.id}")])
	addresses(findings) == {"aws_vpc.main"}
}

test_unknown_vpc_id_no_finding if {
	findings := policy.deny with input as doc([vpc, flow("${var.vpc_id}")])
	count(findings) == 0
}
