package rungs.lib.azure_test

import rego.v1

import data.rungs.lib.azure

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "azurerm", "mode": "managed", "module": "", "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "azurerm", "mode": "data", "module": "", "config": cfg}

type_key(x) := concat(".", ["data", x.type]) if x.mode == "data"

type_key(x) := x.type if x.mode != "data"

doc(rs) := {"resources": rs, "resources_by_type": {k: [x | some x in rs; type_key(x) == k] | some y in rs; k := type_key(y)}}

# --- accessors ---------------------------------------------------------------

test_get_treats_null_as_absent if {
	azure.get({"a": null}, "a", 1) == 1
	azure.get({"a": 2}, "a", 1) == 2
	azure.get({}, "a", "x") == "x"
}

test_attr2_prefers_the_new_spelling if {
	azure.attr2(res("t", "a", {"new": false, "old": true}), "new", "old", 1) == false
	azure.attr2(res("t", "a", {"new": null, "old": true}), "new", "old", 1) == true
	azure.attr2(res("t", "a", {}), "new", "old", 1) == 1
}

test_case_insensitive_strings if {
	azure.eq(" Inbound", "inbound")
	not azure.eq("${var.d}", "inbound")
	azure.maybe_eq("${var.d}", "inbound")
	not azure.maybe_eq("Outbound", "inbound")
	not azure.maybe_eq(null, "inbound")
	azure.one_of("TLS1_0", {"tls1_0", "tls1_1"})
}

test_nested_blocks if {
	r := res("azurerm_storage_account", "sa", {"blob_properties": [{"delete_retention_policy": [{"days": 7}]}]})
	azure.nested(r, "blob_properties", "delete_retention_policy") == [{"days": 7}]
	azure.nested(res("t", "x", {"blob_properties": "${var.p}"}), "blob_properties", "x") == []
}

# --- companions --------------------------------------------------------------

test_companions_by_reference_name_and_id if {
	sa := res("azurerm_storage_account", "data", {"name": "stdata"})
	by_ref := res("azurerm_storage_account_network_rules", "a", {"storage_account_id": "${azurerm_storage_account.data.id}"})
	by_id := res("azurerm_storage_account_network_rules", "b", {"storage_account_id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/StData"})
	other := res("azurerm_storage_account_network_rules", "c", {"storage_account_id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/stother"})
	cs := azure.companions(sa, "azurerm_storage_account_network_rules", "storage_account_id") with input as doc([sa, by_ref, by_id, other])
	{c.address | some c in cs} == {"azurerm_storage_account_network_rules.a", "azurerm_storage_account_network_rules.b"}
}

test_ambiguous_companion if {
	sa := res("azurerm_storage_account", "data", {"name": "stdata"})
	c := res("azurerm_storage_account_network_rules", "a", {"storage_account_id": "${var.account_id}"})
	azure.maybe_companion(sa, "azurerm_storage_account_network_rules", "storage_account_id") with input as doc([sa, c])
	not azure.maybe_companion(sa, "azurerm_storage_account_network_rules", "storage_account_id") with input as doc([sa])
}

# --- scopes ------------------------------------------------------------------

test_subscription_scope if {
	azure.subscription_scope("/subscriptions/00000000-0000-0000-0000-000000000000")
	azure.subscription_scope("/subscriptions/0/")
	not azure.subscription_scope("/subscriptions/0/resourceGroups/rg")
	azure.subscription_scope("${data.azurerm_subscription.current.id}")
	azure.subscription_scope("/subscriptions/${var.subscription_id}")
	not azure.subscription_scope("${azurerm_key_vault.kv.id}")
	azure.maybe_subscription_scope("${var.scope}")
	not azure.maybe_subscription_scope("${azurerm_key_vault.kv.id}")
}

# --- diagnostic settings -----------------------------------------------------

test_diag_captures if {
	azure.diag_captures(res("azurerm_monitor_diagnostic_setting", "a", {"enabled_log": [{"category": "AuditEvent"}]}), {"auditevent"})
	azure.diag_captures(res("azurerm_monitor_diagnostic_setting", "a", {"enabled_log": [{"category_group": "allLogs"}]}), {"auditevent"})
	azure.diag_captures(res("azurerm_monitor_diagnostic_setting", "a", {"log": [{"category": "AuditEvent"}]}), {"auditevent"})
	azure.diag_captures(res("azurerm_monitor_diagnostic_setting", "a", {"enabled_log": [{"category": "${each.value}"}]}), {"auditevent"})
	not azure.diag_captures(res("azurerm_monitor_diagnostic_setting", "a", {"log": [{"category": "AuditEvent", "enabled": false}]}), {"auditevent"})
	not azure.diag_captures(res("azurerm_monitor_diagnostic_setting", "a", {"enabled_log": [{"category": "AzurePolicyEvaluationDetails"}]}), {"auditevent"})
	not azure.diag_captures(res("azurerm_monitor_diagnostic_setting", "a", {"metric": [{"category": "AllMetrics"}]}), {"auditevent"})
}

# --- NSG rules ---------------------------------------------------------------

test_port_ranges if {
	azure.port_range("*") == [0, 65535]
	azure.port_range("22") == [22, 22]
	azure.port_range("20-30") == [20, 30]
	azure.port_range(3389) == [3389, 3389]
	not azure.port_range("${var.port}")
	not azure.port_range("ssh")
}

nsg := res("azurerm_network_security_group", "web", {"name": "nsg-web", "security_rule": [{
	"name": "ssh",
	"priority": 200,
	"direction": "Inbound",
	"access": "Allow",
	"protocol": "Tcp",
	"source_address_prefix": "Internet",
	"destination_port_ranges": ["20-30", "443"],
}]})

deny_rule(nsg_name, priority) := res("azurerm_network_security_rule", "deny", {
	"name": "deny-ssh",
	"network_security_group_name": nsg_name,
	"priority": priority,
	"direction": "Inbound",
	"access": "Deny",
	"protocol": "*",
	"source_address_prefix": "*",
	"destination_port_range": "22",
})

test_nsg_rules_normalised if {
	rules := azure.nsg_rules(0) with input as doc([nsg])
	count(rules) == 1
	some r in rules
	r.ports == [[20, 30], [443, 443]]
	r.keys == {"azurerm_network_security_group.web", "name:nsg-web"}
	azure.inbound_allow_from_internet(r)
	azure.reaches(r, 22)
	not azure.reaches(r, 3389)
}

test_separate_rule_joins_by_reference_and_name if {
	by_ref := deny_rule("${azurerm_network_security_group.web.name}", 100)
	rules := azure.nsg_rules(0) with input as doc([nsg, by_ref])
	some r in rules
	r.address == "azurerm_network_security_rule.deny"
	r.keys == {"azurerm_network_security_group.web", "name:nsg-web"}
	not r.ambiguous
	by_name := deny_rule("NSG-web", 100)
	rules2 := azure.nsg_rules(0) with input as doc([nsg, by_name])
	some r2 in rules2
	r2.address == "azurerm_network_security_rule.deny"
	r2.keys == {"name:nsg-web"}
	unknown := deny_rule("${var.nsg_name}", 100)
	rules3 := azure.nsg_rules(0) with input as doc([nsg, unknown])
	some r3 in rules3
	r3.address == "azurerm_network_security_rule.deny"
	r3.ambiguous
}

allow_rule(rules) := r if {
	some r in rules
	r.address == "azurerm_network_security_group.web"
}

test_shadowing_by_an_earlier_deny if {
	rules := azure.nsg_rules(0) with input as doc([nsg, deny_rule("${azurerm_network_security_group.web.name}", 100)])
	azure.tcp_port_shadowed(allow_rule(rules), 22, rules) with input as doc([nsg, deny_rule("${azurerm_network_security_group.web.name}", 100)])
}

test_no_shadowing_by_a_later_deny_or_another_nsg if {
	later := doc([nsg, deny_rule("${azurerm_network_security_group.web.name}", 300)])
	rules := azure.nsg_rules(0) with input as later
	not azure.tcp_port_shadowed(allow_rule(rules), 22, rules) with input as later
	other := doc([nsg, deny_rule("nsg-other", 100)])
	rules2 := azure.nsg_rules(0) with input as other
	not azure.tcp_port_shadowed(allow_rule(rules2), 22, rules2) with input as other
}

test_unknown_deny_may_shadow if {
	d := doc([nsg, deny_rule("${var.nsg_name}", "${var.priority}")])
	rules := azure.nsg_rules(0) with input as d
	azure.tcp_port_shadowed(allow_rule(rules), 22, rules) with input as d
}

test_companion_naming_another_resource_is_not_ambiguous if {
	kv := res("azurerm_key_vault", "kv", {"name": "kv-prod"})
	sub := res("azurerm_monitor_diagnostic_setting", "activity", {"target_resource_id": "${data.azurerm_subscription.current.id}"})
	other := res("azurerm_monitor_diagnostic_setting", "other", {"target_resource_id": "${azurerm_key_vault.other.id}"})
	not azure.maybe_companion(kv, "azurerm_monitor_diagnostic_setting", "target_resource_id") with input as doc([kv, sub, other])
	azure.maybe_companion(kv, "azurerm_monitor_diagnostic_setting", "target_resource_id") with input as doc([kv, res("azurerm_monitor_diagnostic_setting", "m", {"target_resource_id": "${module.vault.id}"})])
}

test_literal_companion_is_ambiguous_when_the_target_name_is_unknown if {
	kv := res("azurerm_key_vault", "kv", {"name": "${var.name}"})
	ds := res("azurerm_monitor_diagnostic_setting", "a", {"target_resource_id": "/subscriptions/0/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-prod"})
	azure.maybe_companion(kv, "azurerm_monitor_diagnostic_setting", "target_resource_id") with input as doc([kv, ds])
}

test_plain_reference if {
	azure.plain_reference("${azurerm_public_ip.web.id}")
	azure.plain_reference("${azurerm_public_ip.web[count.index].id}")
	not azure.plain_reference("${var.public ? azurerm_public_ip.web.id : null}")
	not azure.plain_reference("${try(azurerm_public_ip.web.id, null)}")
	not azure.plain_reference("/x/${azurerm_public_ip.web.id}")
	not azure.plain_reference("10.0.0.1")
}
