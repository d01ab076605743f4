package rungs.azure.management.management_groups_test

import rego.v1

import data.rungs.azure.management.management_groups as policy

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

test_management_group_present if {
	policy.present with input as doc([res("azurerm_management_group", "platform", {"display_name": "Platform"})])
}

test_no_management_group_not_present if {
	not policy.present with input as doc([res("azurerm_resource_group", "rg", {"name": "rg"})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([res("azurerm_management_group", "platform", {"display_name": "${var.name}"})])
}
