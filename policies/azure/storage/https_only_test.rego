package rungs.azure.storage.https_only_test

import rego.v1

import data.rungs.azure.storage.https_only as policy

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

test_v4_flag_off_denied if {
	addresses(policy.deny) == {"azurerm_storage_account.data"} with input as doc([sa({"https_traffic_only_enabled": false})])
}

test_v3_flag_off_denied if {
	count(policy.deny) == 1 with input as doc([sa({"enable_https_traffic_only": false})])
	count(policy.deny) == 1 with input as doc([sa({"enable_https_traffic_only": "false"})])
}

test_default_and_on_pass if {
	count(policy.deny) == 0 with input as doc([sa({})])
	count(policy.deny) == 0 with input as doc([sa({"https_traffic_only_enabled": true})])
	count(policy.deny) == 0 with input as doc([sa({"enable_https_traffic_only": true})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([sa({"https_traffic_only_enabled": "${var.https_only}"})])
	count(policy.deny) == 0 with input as doc([sa({"enable_https_traffic_only": "${local.https}"})])
}
