package rungs.azure.storage.min_tls_test

import rego.v1

import data.rungs.azure.storage.min_tls as policy

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

sa(cfg) := res("azurerm_storage_account", "data", object.union({"name": "stdata", "account_tier": "Standard", "account_replication_type": "LRS"}, cfg))

test_tls10_denied if {
	findings := policy.deny with input as doc([sa({"min_tls_version": "TLS1_0"})])
	addresses(findings) == {"azurerm_storage_account.data"}
}

test_tls11_denied if {
	count(policy.deny) == 1 with input as doc([sa({"min_tls_version": "TLS1_1"})])
}

test_tls12_passes_and_unset_is_not_denied_without_a_constraint if {
	count(policy.deny) == 0 with input as doc([sa({"min_tls_version": "TLS1_2"})])
	count(policy.deny) == 0 with input as doc([sa({})])
	count(policy.deny) == 0 with input as doc([sa({"min_tls_version": null})])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([sa({"min_tls_version": "${var.min_tls}"})])
}

with_azurerm(d, version) := object.union(d, {"required_providers": {"azurerm": {"source": "hashicorp/azurerm", "version": version, "file": "versions.tf", "line": 1}}})

test_unset_follows_the_azurerm_constraint if {
	# 3.0 or newer guaranteed: the default TLS1_2 passes.
	every v in ["~> 3.0", ">= 3.1, < 5.0", "~> 4.20", "4.1.0", "> 3"] {
		count(policy.deny) == 0 with input as with_azurerm(doc([sa({})]), v)
		count(policy.unknown) == 0 with input as with_azurerm(doc([sa({})]), v)
	}

	# Only versions before 3.0 allowed: the default TLS1_0 fails.
	every v in ["~> 2.0", "< 3.0", "<= 2.99.0", "= 2.46.1", "~> 2.46.1"] {
		addresses(policy.deny) == {"azurerm_storage_account.data"} with input as with_azurerm(doc([sa({})]), v)
	}

	# Both allowed, or no constraint: not judged.
	every v in [">= 2.0", "~> 2", "< 3.1", "!= 3.0.0"] {
		count(policy.deny) == 0 with input as with_azurerm(doc([sa({})]), v)
		addresses(policy.unknown) == {"azurerm_storage_account.data"} with input as with_azurerm(doc([sa({})]), v)
	}
	addresses(policy.unknown) == {"azurerm_storage_account.data"} with input as doc([sa({})])
}

test_legacy_string_and_other_local_name if {
	d := object.union(doc([sa({})]), {"required_providers": {"azure": {"source": "registry.terraform.io/hashicorp/azurerm", "version": "~> 3.5", "file": "versions.tf", "line": 1}}})
	count(policy.unknown) == 0 with input as d
	e := object.union(doc([sa({})]), {"required_providers": {"azurerm": {"version": "~> 2.0", "file": "versions.tf", "line": 1}}})
	count(policy.deny) == 1 with input as e
}

test_explicit_value_wins_over_the_default if {
	count(policy.deny) == 0 with input as with_azurerm(doc([sa({"min_tls_version": "TLS1_2"})]), "~> 2.0")
	count(policy.unknown) == 0 with input as doc([sa({"min_tls_version": "TLS1_2"})])
}
