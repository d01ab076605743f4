package rungs.azure.purview.account_test

import rego.v1

import data.rungs.azure.purview.account as policy

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

test_account_is_present if {
	policy.present with input as doc([res("azurerm_purview_account", "gov", {"name": "pview"})])
}

test_no_account_is_not_present if {
	not policy.present with input as doc([res("azurerm_storage_account", "data", {"name": "data"})])
}
