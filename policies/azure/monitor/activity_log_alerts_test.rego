package rungs.azure.monitor.activity_log_alerts_test

import rego.v1

import data.rungs.azure.monitor.activity_log_alerts as policy

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

alert(cfg) := res("azurerm_monitor_activity_log_alert", "a", object.union({"name": "a", "scopes": ["${data.azurerm_subscription.current.id}"], "action": [{"action_group_id": "${azurerm_monitor_action_group.security.id}"}]}, cfg))

test_security_operation_alert_present if {
	policy.present with input as doc([alert({"criteria": [{"category": "Administrative", "operation_name": "Microsoft.Network/networkSecurityGroups/write"}]})])
	policy.present with input as doc([alert({"criteria": [{"category": "Security"}]})])
}

test_alert_without_action_not_present if {
	not policy.present with input as doc([res("azurerm_monitor_activity_log_alert", "a", {"criteria": [{"category": "Administrative", "operation_name": "Microsoft.Authorization/policyAssignments/write"}]})])
}

test_disabled_or_unrelated_alert_not_present if {
	not policy.present with input as doc([alert({"enabled": false, "criteria": [{"category": "Administrative", "operation_name": "Microsoft.Authorization/policyAssignments/write"}]})])
	not policy.present with input as doc([alert({"criteria": [{"category": "ServiceHealth"}]})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([alert({"criteria": [{"category": "Administrative", "operation_name": "${each.value}"}]})])
}
