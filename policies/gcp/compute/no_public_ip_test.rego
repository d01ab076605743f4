package rungs.gcp.compute.no_public_ip_test

import rego.v1

import data.rungs.gcp.compute.no_public_ip as policy

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

vm(nics) := res("google_compute_instance", "vm", {"name": "vm", "machine_type": "e2-small", "network_interface": nics})

test_access_config_denied if {
	findings := policy.deny with input as doc([vm([{"subnetwork": "x", "access_config": [{}]}])])
	addresses(findings) == {"google_compute_instance.vm"}
}

test_ipv6_access_config_on_template_denied if {
	t := res("google_compute_instance_template", "t", {"machine_type": "e2-small", "network_interface": [{"subnetwork": "x", "ipv6_access_config": [{"network_tier": "PREMIUM"}]}]})
	findings := policy.deny with input as doc([t])
	addresses(findings) == {"google_compute_instance_template.t"}
}

test_both_address_kinds_one_finding if {
	findings := policy.deny with input as doc([vm([{"subnetwork": "x", "access_config": [{}], "ipv6_access_config": [{}]}, {"subnetwork": "y", "access_config": [{}]}])])
	count(findings) == 1
}

test_internal_only_passes if {
	findings := policy.deny with input as doc([vm([{"subnetwork": "x"}])])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		vm("${var.network_interfaces}"),
		res("google_compute_instance", "other", {"network_interface": [{"subnetwork": "x", "access_config": [{"_for_each": "${var.public ? [1] : []}"}]}]}),
	])
	count(findings) == 0
}
