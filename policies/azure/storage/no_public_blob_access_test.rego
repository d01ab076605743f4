package rungs.azure.storage.no_public_blob_access_test

import rego.v1

import data.rungs.azure.storage.no_public_blob_access as policy

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

test_default_allows_public_access if {
	addresses(policy.deny) == {"azurerm_storage_account.data"} with input as doc([sa({})])
}

test_explicit_true_denied if {
	count(policy.deny) == 1 with input as doc([sa({"allow_nested_items_to_be_public": true})])
}

test_disallowed_passes if {
	count(policy.deny) == 0 with input as doc([sa({"allow_nested_items_to_be_public": false})])
	count(policy.deny) == 0 with input as doc([sa({"allow_blob_public_access": false})])
}

test_v2_spelling_true_denied if {
	count(policy.deny) == 1 with input as doc([sa({"allow_blob_public_access": true})])
}

test_file_storage_not_judged if {
	count(policy.deny) == 0 with input as doc([sa({"account_kind": "FileStorage"})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([sa({"allow_nested_items_to_be_public": "${var.public_blobs}"})])
}
