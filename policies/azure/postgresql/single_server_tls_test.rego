package rungs.azure.postgresql.single_server_tls_test

import rego.v1

import data.rungs.azure.postgresql.single_server_tls as policy

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

test_enforced_tls12_passes if {
	d := doc([res("azurerm_postgresql_server", "x", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_2"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_default_minimum_passes if {
	d := doc([res("azurerm_postgresql_server", "x", {"ssl_enforcement_enabled": true})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_no_ssl_is_denied if {
	d := doc([res("azurerm_postgresql_server", "x", {"ssl_enforcement_enabled": false})])
	addresses(policy.deny) == {"azurerm_postgresql_server.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_tls10_is_denied if {
	d := doc([res("azurerm_postgresql_server", "x", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLS1_0"})])
	addresses(policy.deny) == {"azurerm_postgresql_server.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_tls_enforcement_disabled_is_denied if {
	d := doc([res("azurerm_postgresql_server", "x", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "TLSEnforcementDisabled"})])
	addresses(policy.deny) == {"azurerm_postgresql_server.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_minimum_is_not_judged if {
	d := doc([res("azurerm_postgresql_server", "x", {"ssl_enforcement_enabled": true, "ssl_minimal_tls_version_enforced": "${var.tls}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"azurerm_postgresql_server.x"} with input as d
}
