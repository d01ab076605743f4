package rungs.gcp.network.firewall_no_unrestricted_ingress_test

import rego.v1

import data.rungs.gcp.network.firewall_no_unrestricted_ingress as policy

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

fw(cfg) := res("google_compute_firewall", "fw", object.union({"name": "fw", "network": "default", "source_ranges": ["0.0.0.0/0"]}, cfg))

test_protocol_all_denied if {
	findings := policy.deny with input as doc([fw({"allow": [{"protocol": "all"}]})])
	addresses(findings) == {"google_compute_firewall.fw"}
}

test_tcp_without_ports_and_full_range_denied if {
	findings := policy.deny with input as doc([
		fw({"allow": [{"protocol": "tcp"}]}),
		res("google_compute_firewall", "b", {"source_ranges": ["::/0"], "allow": [{"protocol": "udp", "ports": ["0-65535"]}]}),
	])
	addresses(findings) == {"google_compute_firewall.fw", "google_compute_firewall.b"}
}

test_numeric_protocol_denied if {
	findings := policy.deny with input as doc([fw({"allow": [{"protocol": 6}]})])
	count(findings) == 1
}

test_single_port_or_internal_passes if {
	findings := policy.deny with input as doc([
		fw({"allow": [{"protocol": "tcp", "ports": ["443"]}, {"protocol": "icmp"}]}),
		res("google_compute_firewall", "internal", {"source_ranges": ["10.0.0.0/8"], "allow": [{"protocol": "all"}]}),
		res("google_compute_firewall", "tags", {"source_tags": ["web"], "allow": [{"protocol": "all"}]}),
	])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		fw({"allow": [{"protocol": "${var.protocol}"}]}),
		fw({"allow": [{"protocol": "tcp", "ports": "${var.ports}"}]}),
		res("google_compute_firewall", "b", {"source_ranges": ["${var.range}"], "allow": [{"protocol": "all"}]}),
		res("google_compute_firewall", "c", {"disabled": "${var.off}", "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "all"}]}),
	])
	count(findings) == 0
}
