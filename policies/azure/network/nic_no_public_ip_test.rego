package rungs.azure.network.nic_no_public_ip_test

import rego.v1

import data.rungs.azure.network.nic_no_public_ip as policy

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

pip := res("azurerm_public_ip", "jump", {"name": "pip-jump", "allocation_method": "Static"})

nic(ipc) := res("azurerm_network_interface", "jump", {"name": "nic-jump", "ip_configuration": [object.union({"name": "internal", "subnet_id": "${azurerm_subnet.app.id}"}, ipc)]})

test_public_ip_reference_denied if {
	addresses(policy.deny) == {"azurerm_network_interface.jump"} with input as doc([pip, nic({"public_ip_address_id": "${azurerm_public_ip.jump.id}"})])
}

test_literal_public_ip_id_denied if {
	count(policy.deny) == 1 with input as doc([nic({"public_ip_address_id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Network/publicIPAddresses/pip-jump"})])
}

test_private_only_passes if {
	count(policy.deny) == 0 with input as doc([pip, nic({})])
	count(policy.deny) == 0 with input as doc([nic({"public_ip_address_id": null})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([pip, nic({"public_ip_address_id": "${var.public_ip_id}"})])
	count(policy.deny) == 0 with input as doc([pip, nic({"public_ip_address_id": "${var.public ? azurerm_public_ip.jump.id : null}"})])
}
