package rungs.azure.backup.vault_immutability_test

import rego.v1

import data.rungs.azure.backup.vault_immutability as policy

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

test_locked_passes if {
	d := doc([res("azurerm_recovery_services_vault", "x", {"immutability": "Locked"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == set() with input as d
}

test_missing_argument_is_denied if {
	d := doc([res("azurerm_recovery_services_vault", "x", {})])
	addresses(policy.deny) == {"azurerm_recovery_services_vault.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unlocked_is_denied if {
	d := doc([res("azurerm_recovery_services_vault", "x", {"immutability": "Unlocked"})])
	addresses(policy.deny) == {"azurerm_recovery_services_vault.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_unknown_setting_is_not_judged if {
	d := doc([res("azurerm_recovery_services_vault", "x", {"immutability": "${var.immutability}"})])
	addresses(policy.deny) == set() with input as d
	addresses(policy.unknown) == {"azurerm_recovery_services_vault.x"} with input as d
}

test_data_protection_vault_is_judged if {
	d := doc([res("azurerm_data_protection_backup_vault", "x", {"datastore_type": "VaultStore"})])
	addresses(policy.deny) == {"azurerm_data_protection_backup_vault.x"} with input as d
	addresses(policy.unknown) == set() with input as d
}
