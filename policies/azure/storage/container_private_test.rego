package rungs.azure.storage.container_private_test

import rego.v1

import data.rungs.azure.storage.container_private as policy

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "azurerm", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

doc(rs) := {
	"schema_version": 1,
	"root": ".",
	"files": ["main.tf"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
}

addresses(findings) := {f.resource | some f in findings}

test_default_passes if {
	d := doc([res("azurerm_storage_container", "x", {"name": "c"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_private_passes if {
	d := doc([res("azurerm_storage_container", "x", {"container_access_type": "private"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_blob_is_denied if {
	d := doc([res("azurerm_storage_container", "x", {"container_access_type": "blob"})])
	addresses(policy.deny) == {"azurerm_storage_container.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_container_is_denied if {
	d := doc([res("azurerm_storage_container", "x", {"container_access_type": "container"})])
	addresses(policy.deny) == {"azurerm_storage_container.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_setting_is_not_judged if {
	d := doc([res("azurerm_storage_container", "x", {"container_access_type": "${var.access}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"azurerm_storage_container.x"} with input as d
}
