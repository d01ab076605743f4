package rungs.azure.compute.disk_encryption_test

import rego.v1

import data.rungs.azure.compute.disk_encryption as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "azurerm", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "azurerm", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

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

vm(cfg) := res("azurerm_linux_virtual_machine", "app", object.union({"name": "vm-app"}, cfg))

ext(cfg) := res("azurerm_virtual_machine_extension", "ade", object.union({"name": "ade", "publisher": "Microsoft.Azure.Security"}, cfg))

test_no_encryption_denied if {
	addresses(policy.deny) == {"azurerm_linux_virtual_machine.app"} with input as doc([vm({})])
	win := res("azurerm_windows_virtual_machine_scale_set", "web", {"encryption_at_host_enabled": false})
	addresses(policy.deny) == {"azurerm_windows_virtual_machine_scale_set.web"} with input as doc([win])
}

test_encryption_at_host_passes if {
	count(policy.deny) == 0 with input as doc([vm({"encryption_at_host_enabled": true})])
}

test_ade_extension_passes if {
	count(policy.deny) == 0 with input as doc([vm({}), ext({"virtual_machine_id": "${azurerm_linux_virtual_machine.app.id}", "type": "AzureDiskEncryptionForLinux"})])
}

test_other_extension_or_vm_denied if {
	count(policy.deny) == 1 with input as doc([vm({}), ext({"virtual_machine_id": "${azurerm_linux_virtual_machine.app.id}", "type": "CustomScript"})])
	count(policy.deny) == 1 with input as doc([vm({}), ext({"virtual_machine_id": "${azurerm_linux_virtual_machine.other.id}", "type": "AzureDiskEncryptionForLinux"})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([vm({"encryption_at_host_enabled": "${var.encryption_at_host}"})])
	count(policy.deny) == 0 with input as doc([vm({}), ext({"virtual_machine_id": "${var.vm_id}", "type": "AzureDiskEncryptionForLinux"})])
}
