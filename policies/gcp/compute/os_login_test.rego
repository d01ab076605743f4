package rungs.gcp.compute.os_login_test

import rego.v1

import data.rungs.gcp.compute.os_login as policy

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

test_no_setting_anywhere_denied if {
	findings := policy.deny with input as doc([vm({"startup-script": "echo hi"})])
	addresses(findings) == {"google_compute_instance.vm"}
}

test_instance_override_false_denied_even_with_project_setting if {
	pm := res("google_compute_project_metadata_item", "oslogin", {"key": "enable-oslogin", "value": "TRUE"})
	findings := policy.deny with input as doc([vm({"enable-oslogin": "FALSE"}), pm])
	addresses(findings) == {"google_compute_instance.vm"}
}

test_instance_setting_passes if {
	findings := policy.deny with input as doc([vm({"enable-oslogin": "TRUE"})])
	count(findings) == 0
}

test_project_metadata_passes if {
	pm := res("google_compute_project_metadata", "default", {"metadata": {"enable-oslogin": "TRUE"}})
	findings := policy.deny with input as doc([res("google_compute_instance", "vm", {"name": "vm"}), pm])
	count(findings) == 0
}

test_org_policy_passes if {
	op := res("google_org_policy_policy", "oslogin", {"name": "organizations/1/policies/compute.requireOsLogin", "parent": "organizations/1", "spec": [{"rules": [{"enforce": "TRUE"}]}]})
	findings := policy.deny with input as doc([res("google_compute_instance", "vm", {"name": "vm"}), op])
	count(findings) == 0
}

test_project_setting_false_denied if {
	pm := res("google_compute_project_metadata_item", "oslogin", {"key": "enable-oslogin", "value": "FALSE"})
	findings := policy.deny with input as doc([res("google_compute_instance", "vm", {"name": "vm"}), pm])
	count(findings) == 1
}

test_unknown_no_finding if {
	pm := res("google_compute_project_metadata_item", "oslogin", {"key": "enable-oslogin", "value": "${var.oslogin}"})
	findings := policy.deny with input as doc([
		vm({"enable-oslogin": "${var.oslogin}"}),
		res("google_compute_instance", "b", {"metadata": "${local.metadata}"}),
		res("google_compute_instance", "c", {"name": "c"}),
		pm,
	])
	count(findings) == 0
}

inst_in(p) := res("google_compute_instance", "vm", {"project": p})

test_project_metadata_covers_only_its_project if {
	pm := res("google_compute_project_metadata_item", "oslogin", {"key": "enable-oslogin", "value": "TRUE", "project": "acme-a"})
	addresses(policy.deny) == set() with input as doc([pm, inst_in("acme-a")])
	addresses(policy.deny) == {"google_compute_instance.vm"} with input as doc([pm, inst_in("acme-b")])
	count(policy.deny) == 0 with input as doc([pm, inst_in("${var.project}")])
	addresses(policy.unknown) == {"google_compute_instance.vm"} with input as doc([pm, inst_in("${var.project}")])
}
