package rungs.azure.keyvault.key_expiration_test

import rego.v1

import data.rungs.azure.keyvault.key_expiration as policy

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

key(cfg) := res("azurerm_key_vault_key", "storage", object.union({"name": "storage-cmk", "key_type": "RSA"}, cfg))

test_no_expiry_denied if {
	addresses(policy.deny) == {"azurerm_key_vault_key.storage"} with input as doc([key({})])
	count(policy.deny) == 1 with input as doc([key({"rotation_policy": [{"automatic": [{"time_after_creation": "P90D"}]}]})])
}

test_expiry_passes if {
	count(policy.deny) == 0 with input as doc([key({"expiration_date": "2027-01-01T00:00:00Z"})])
	count(policy.deny) == 0 with input as doc([key({"rotation_policy": [{"expire_after": "P1Y"}]})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([key({"expiration_date": "${var.expires}"})])
}
