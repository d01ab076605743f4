package rungs.gcp.network.firewall_no_public_admin_ports_test

import rego.v1

import data.rungs.gcp.network.firewall_no_public_admin_ports as policy

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

test_ssh_from_internet_denied if {
	findings := policy.deny with input as doc([fw({"allow": [{"protocol": "tcp", "ports": ["22"]}]})])
	addresses(findings) == {"google_compute_firewall.fw"}
}

test_rdp_in_range_denied if {
	findings := policy.deny with input as doc([fw({"allow": [{"protocol": "tcp", "ports": ["80", "3000-4000"]}], "source_ranges": ["::/0"]})])
	count(findings) == 1
}

test_all_protocols_and_no_ports_denied if {
	findings := policy.deny with input as doc([
		fw({"allow": [{"protocol": "all"}]}),
		res("google_compute_firewall", "b", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp"}]}),
	])
	addresses(findings) == {"google_compute_firewall.fw", "google_compute_firewall.b"}
}

test_https_or_private_source_or_egress_passes if {
	findings := policy.deny with input as doc([
		fw({"allow": [{"protocol": "tcp", "ports": ["443"]}]}),
		res("google_compute_firewall", "iap", {"source_ranges": ["35.235.240.0/20"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		res("google_compute_firewall", "out", {"direction": "EGRESS", "destination_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		res("google_compute_firewall", "off", {"disabled": true, "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		res("google_compute_firewall", "deny", {"source_ranges": ["0.0.0.0/0"], "deny": [{"protocol": "tcp", "ports": ["22"]}]}),
		res("google_compute_firewall", "icmp", {"source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "icmp"}]}),
	])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		fw({"allow": [{"protocol": "tcp", "ports": ["${var.admin_port}"]}]}),
		fw({"allow": [{"protocol": "tcp", "ports": "${var.ports}"}]}),
		fw({"allow": [{"protocol": "${var.protocol}"}]}),
		res("google_compute_firewall", "b", {"source_ranges": "${var.admin_ranges}", "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		res("google_compute_firewall", "c", {"source_ranges": ["${var.admin_range}"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
		res("google_compute_firewall", "d", {"direction": "${var.direction}", "source_ranges": ["0.0.0.0/0"], "allow": [{"protocol": "tcp", "ports": ["22"]}]}),
	])
	count(findings) == 0
}
