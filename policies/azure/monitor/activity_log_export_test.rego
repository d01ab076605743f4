package rungs.azure.monitor.activity_log_export_test

import rego.v1

import data.rungs.azure.monitor.activity_log_export as policy

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

ds(target, logs) := res("azurerm_monitor_diagnostic_setting", "activity", {"name": "activity", "target_resource_id": target, "log_analytics_workspace_id": "${azurerm_log_analytics_workspace.security.id}", "enabled_log": logs})

test_subscription_export_present if {
	policy.present with input as doc([ds("${data.azurerm_subscription.current.id}", [{"category": "Administrative"}, {"category": "Security"}])])
	policy.present with input as doc([ds("/subscriptions/00000000-0000-0000-0000-000000000000", [{"category": "Administrative"}])])
}

test_log_profile_present if {
	policy.present with input as doc([res("azurerm_monitor_log_profile", "default", {"categories": ["Action", "Delete", "Write"], "locations": ["global"]})])
}

test_resource_setting_not_present if {
	not policy.present with input as doc([ds("${azurerm_key_vault.kv.id}", [{"category": "AuditEvent"}])])
}

test_wrong_categories_not_present if {
	not policy.present with input as doc([ds("${data.azurerm_subscription.current.id}", [{"category": "ServiceHealth"}])])
}

test_no_setting_not_present if {
	not policy.present with input as doc([res("azurerm_resource_group", "rg", {"name": "rg"})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([ds("${var.subscription_scope}", [{"category": "Administrative"}])])
	policy.present with input as doc([ds("${data.azurerm_subscription.current.id}", [{"category": "${each.value}"}])])
}
