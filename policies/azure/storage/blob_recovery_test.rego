package rungs.azure.storage.blob_recovery_test

import rego.v1

import data.rungs.azure.storage.blob_recovery as policy

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

sa(cfg) := res("azurerm_storage_account", "data", object.union({"name": "stdata"}, cfg))

test_no_blob_properties_denied if {
	addresses(policy.deny) == {"azurerm_storage_account.data"} with input as doc([sa({})])
}

test_short_retention_denied if {
	findings := policy.deny with input as doc([sa({"blob_properties": [{"delete_retention_policy": [{"days": 3}]}]})])
	count(findings) == 1
	some f in findings
	contains(f.message, "3 days")
}

test_soft_delete_passes if {
	count(policy.deny) == 0 with input as doc([sa({"blob_properties": [{"delete_retention_policy": [{"days": 14}]}]})])
	count(policy.deny) == 0 with input as doc([sa({"blob_properties": [{"delete_retention_policy": [{}]}]})])
}

test_versioning_passes if {
	count(policy.deny) == 0 with input as doc([sa({"blob_properties": [{"versioning_enabled": true}]})])
}

test_versioning_off_without_soft_delete_denied if {
	count(policy.deny) == 1 with input as doc([sa({"blob_properties": [{"versioning_enabled": false}]})])
}

test_file_storage_not_judged if {
	count(policy.deny) == 0 with input as doc([sa({"account_kind": "FileStorage"})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([sa({"blob_properties": [{"delete_retention_policy": [{"days": "${var.days}"}]}]})])
	count(policy.deny) == 0 with input as doc([sa({"blob_properties": [{"versioning_enabled": "${var.versioning}"}]})])
	count(policy.deny) == 0 with input as doc([sa({"blob_properties": "${var.blob_properties}"})])
}
