package rungs.azure.compute.disk_customer_managed_key_test

import rego.v1

import data.rungs.azure.compute.disk_customer_managed_key as policy

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

test_encryption_set_reference_passes if {
	d := doc([res("azurerm_managed_disk", "x", {"disk_encryption_set_id": "${azurerm_disk_encryption_set.main.id}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_encryption_set_id_passes if {
	d := doc([res("azurerm_managed_disk", "x", {"disk_encryption_set_id": "/subscriptions/0000/resourceGroups/rg/providers/Microsoft.Compute/diskEncryptionSets/des"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_platform_key_is_denied if {
	d := doc([res("azurerm_managed_disk", "x", {"disk_size_gb": 64})])
	addresses(policy.deny) == {"azurerm_managed_disk.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_variable_is_not_judged if {
	d := doc([res("azurerm_managed_disk", "x", {"disk_encryption_set_id": "${var.des_id}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"azurerm_managed_disk.x"} with input as d
}
