package rungs.azure.monitor.log_retention_test

import rego.v1

import data.rungs.azure.monitor.log_retention as policy

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

law(cfg) := res("azurerm_log_analytics_workspace", "security", object.union({"name": "law-security", "sku": "PerGB2018"}, cfg))

test_default_retention_denied if {
	addresses(policy.deny) == {"azurerm_log_analytics_workspace.security"} with input as doc([law({})])
	count(policy.deny) == 1 with input as doc([law({"retention_in_days": 90})])
}

test_year_passes if {
	count(policy.deny) == 0 with input as doc([law({"retention_in_days": 365})])
	count(policy.deny) == 0 with input as doc([law({"retention_in_days": 730})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([law({"retention_in_days": "${var.retention}"})])
}
