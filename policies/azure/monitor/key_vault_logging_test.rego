package rungs.azure.monitor.key_vault_logging_test

import rego.v1

import data.rungs.azure.monitor.key_vault_logging as policy

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

kv := res("azurerm_key_vault", "platform", {"name": "kv-platform"})

ds(target, logs) := res("azurerm_monitor_diagnostic_setting", "kv", {"name": "kv", "target_resource_id": target, "log_analytics_workspace_id": "${azurerm_log_analytics_workspace.security.id}", "enabled_log": logs})

test_no_setting_denied if {
	addresses(policy.deny) == {"azurerm_key_vault.platform"} with input as doc([kv])
}

test_audit_setting_passes if {
	count(policy.deny) == 0 with input as doc([kv, ds("${azurerm_key_vault.platform.id}", [{"category": "AuditEvent"}])])
	count(policy.deny) == 0 with input as doc([kv, ds("${azurerm_key_vault.platform.id}", [{"category_group": "audit"}])])
}

test_setting_without_audit_events_denied if {
	count(policy.deny) == 1 with input as doc([kv, ds("${azurerm_key_vault.platform.id}", [{"category": "AzurePolicyEvaluationDetails"}])])
}

test_setting_of_subscription_does_not_count if {
	count(policy.deny) == 1 with input as doc([kv, ds("${data.azurerm_subscription.current.id}", [{"category": "Administrative"}])])
}

test_unknown_not_judged if {
	count(policy.deny) == 0 with input as doc([kv, ds("${var.vault_id}", [{"category": "AuditEvent"}])])
	count(policy.deny) == 0 with input as doc([kv, ds("${azurerm_key_vault.platform.id}", [{"category_group": "${var.group}"}])])
}
