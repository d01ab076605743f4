package rungs.gcp.compute.serial_port_disabled_test

import rego.v1

import data.rungs.gcp.compute.serial_port_disabled as policy

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

vm(md) := res("google_compute_instance", "vm", {"name": "vm", "metadata": md})

test_enabled_on_instance_denied if {
	findings := policy.deny with input as doc([vm({"serial-port-enable": "TRUE"})])
	addresses(findings) == {"google_compute_instance.vm"}
}

test_enabled_as_bool_and_digit_denied if {
	findings := policy.deny with input as doc([
		vm({"serial-port-enable": true}),
		res("google_compute_instance_template", "t", {"metadata": {"serial-port-enable": "1"}}),
	])
	addresses(findings) == {"google_compute_instance.vm", "google_compute_instance_template.t"}
}

test_project_metadata_item_denied if {
	item := res("google_compute_project_metadata_item", "serial", {"key": "serial-port-enable", "value": "true"})
	findings := policy.deny with input as doc([item])
	addresses(findings) == {"google_compute_project_metadata_item.serial"}
}

test_disabled_or_absent_passes if {
	findings := policy.deny with input as doc([
		vm({"serial-port-enable": "FALSE"}),
		res("google_compute_instance", "b", {"name": "b"}),
		res("google_compute_project_metadata", "m", {"metadata": {"enable-oslogin": "TRUE"}}),
	])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		vm({"serial-port-enable": "${var.debug}"}),
		res("google_compute_instance", "b", {"metadata": "${var.metadata}"}),
		res("google_compute_project_metadata_item", "i", {"key": "serial-port-enable", "value": "${var.serial}"}),
	])
	count(findings) == 0
}
