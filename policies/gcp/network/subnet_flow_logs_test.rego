package rungs.gcp.network.subnet_flow_logs_test

import rego.v1

import data.rungs.gcp.network.subnet_flow_logs as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "google", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "google", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

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

subnet(cfg) := res("google_compute_subnetwork", "app", object.union({"name": "app", "network": "x", "ip_cidr_range": "10.0.0.0/24"}, cfg))

test_no_log_config_denied if {
	findings := policy.deny with input as doc([subnet({})])
	addresses(findings) == {"google_compute_subnetwork.app"}
}

test_log_config_passes if {
	findings := policy.deny with input as doc([subnet({"log_config": [{"aggregation_interval": "INTERVAL_5_SEC", "flow_sampling": 0.5}]})])
	count(findings) == 0
}

test_proxy_only_subnet_not_judged if {
	findings := policy.deny with input as doc([subnet({"purpose": "REGIONAL_MANAGED_PROXY", "role": "ACTIVE"})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		subnet({"log_config": "${var.flow_logs}"}),
		subnet({"purpose": "${var.purpose}"}),
		subnet({"log_config": [{"flow_sampling": "${var.sampling}"}]}),
	])
	count(findings) == 0
}
