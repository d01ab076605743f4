package rungs.gcp.compute.shielded_vm_test

import rego.v1

import data.rungs.gcp.compute.shielded_vm as policy

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

vm(sc) := res("google_compute_instance", "vm", {"name": "vm", "shielded_instance_config": sc})

test_vtpm_off_denied if {
	findings := policy.deny with input as doc([vm([{"enable_vtpm": false}])])
	addresses(findings) == {"google_compute_instance.vm"}
}

test_integrity_monitoring_off_on_template_denied if {
	t := res("google_compute_instance_template", "t", {"shielded_instance_config": [{"enable_secure_boot": true, "enable_integrity_monitoring": false}]})
	findings := policy.deny with input as doc([t])
	addresses(findings) == {"google_compute_instance_template.t"}
}

test_defaults_pass if {
	findings := policy.deny with input as doc([
		res("google_compute_instance", "a", {"name": "a"}),
		vm([{"enable_secure_boot": true}]),
	])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		vm([{"enable_vtpm": "${var.vtpm}", "enable_integrity_monitoring": "${var.integrity}"}]),
		res("google_compute_instance", "b", {"shielded_instance_config": "${var.shielded}"}),
	])
	count(findings) == 0
}
