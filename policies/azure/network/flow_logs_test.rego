package rungs.azure.network.flow_logs_test

import rego.v1

import data.rungs.azure.network.flow_logs as policy

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

vnet := res("azurerm_virtual_network", "main", {"name": "vnet-prod"})

subnet := res("azurerm_subnet", "app", {"name": "snet-app", "virtual_network_name": "${azurerm_virtual_network.main.name}"})

nsg := res("azurerm_network_security_group", "app", {"name": "nsg-app"})

assoc := res("azurerm_subnet_network_security_group_association", "app", {"subnet_id": "${azurerm_subnet.app.id}", "network_security_group_id": "${azurerm_network_security_group.app.id}"})

fl(cfg) := res("azurerm_network_watcher_flow_log", "f", object.union({"enabled": true}, cfg))

test_no_flow_log_denied if {
	addresses(policy.deny) == {"azurerm_virtual_network.main"} with input as doc([vnet, subnet])
}

test_vnet_flow_log_passes if {
	count(policy.deny) == 0 with input as doc([vnet, fl({"target_resource_id": "${azurerm_virtual_network.main.id}"})])
}

test_disabled_flow_log_denied if {
	count(policy.deny) == 1 with input as doc([vnet, fl({"target_resource_id": "${azurerm_virtual_network.main.id}", "enabled": false})])
}

test_nsg_flow_log_on_associated_nsg_passes if {
	count(policy.deny) == 0 with input as doc([vnet, subnet, nsg, assoc, fl({"network_security_group_id": "${azurerm_network_security_group.app.id}"})])
}

test_nsg_flow_log_on_unrelated_nsg_denied if {
	other := res("azurerm_network_security_group", "other", {"name": "nsg-other"})
	count(policy.deny) == 1 with input as doc([vnet, subnet, nsg, assoc, other, fl({"network_security_group_id": "${azurerm_network_security_group.other.id}"})])
}

test_flow_log_for_another_vnet_denied if {
	other := res("azurerm_virtual_network", "other", {"name": "vnet-other"})
	addresses(policy.deny) == {"azurerm_virtual_network.main"} with input as doc([vnet, other, fl({"target_resource_id": "${azurerm_virtual_network.other.id}"})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([vnet, fl({"target_resource_id": "${var.flow_log_target}"})])
	count(policy.deny) == 0 with input as doc([vnet, fl({"target_resource_id": "${azurerm_virtual_network.main.id}", "enabled": "${var.enabled}"})])
}
