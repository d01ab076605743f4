package rungs.azure.appservice.min_tls_test

import rego.v1

import data.rungs.azure.appservice.min_tls as policy

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

app(sc) := res("azurerm_linux_web_app", "portal", {"name": "app-portal", "site_config": [sc]})

test_old_tls_denied if {
	addresses(policy.deny) == {"azurerm_linux_web_app.portal"} with input as doc([app({"minimum_tls_version": "1.0"})])
	count(policy.deny) == 1 with input as doc([app({"scm_minimum_tls_version": "1.1"})])
}

test_default_and_tls12_pass if {
	count(policy.deny) == 0 with input as doc([app({})])
	count(policy.deny) == 0 with input as doc([app({"minimum_tls_version": "1.2", "scm_minimum_tls_version": "1.3"})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([app({"minimum_tls_version": "${var.tls}"})])
}
