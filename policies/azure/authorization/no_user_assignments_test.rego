package rungs.azure.authorization.no_user_assignments_test

import rego.v1

import data.rungs.azure.authorization.no_user_assignments as policy

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

assignment(name, cfg) := res("azurerm_role_assignment", name, object.union({"scope": "/subscriptions/0", "role_definition_name": "Reader"}, cfg))

test_user_type_and_user_reference_denied if {
	d := doc([
		assignment("typed", {"principal_id": "00000000-0000-0000-0000-000000000001", "principal_type": "User"}),
		assignment("managed_user", {"principal_id": "${azuread_user.jane.object_id}"}),
		assignment("data_user", {"principal_id": "${data.azuread_user.bob.object_id}"}),
		assignment("group", {"principal_id": "${azuread_group.readers.object_id}"}),
	])
	addresses(policy.deny) == {"azurerm_role_assignment.typed", "azurerm_role_assignment.managed_user", "azurerm_role_assignment.data_user"} with input as d
	addresses(policy.unknown) == set() with input as d
}

test_groups_and_workloads_pass if {
	d := doc([
		assignment("group", {"principal_id": "${data.azuread_group.ops.object_id}"}),
		assignment("sp", {"principal_id": "${azuread_service_principal.ci.object_id}"}),
		assignment("uami", {"principal_id": "${azurerm_user_assigned_identity.app.principal_id}"}),
		assignment("system", {"principal_id": "${azurerm_linux_web_app.app.identity[0].principal_id}"}),
		assignment("typed", {"principal_id": "00000000-0000-0000-0000-000000000002", "principal_type": "Group"}),
	])
	count(policy.deny) == 0 with input as d
	count(policy.unknown) == 0 with input as d
}

test_bare_object_id_or_unknown_type_not_judged if {
	d := doc([
		assignment("bare", {"principal_id": "00000000-0000-0000-0000-000000000003"}),
		assignment("var", {"principal_id": "${var.principal}", "principal_type": "${var.type}"}),
		# The caller may be a person: data.azurerm_client_config is not a workload identity.
		assignment("caller", {"principal_id": "${data.azurerm_client_config.current.object_id}"}),
	])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"azurerm_role_assignment.bare", "azurerm_role_assignment.var", "azurerm_role_assignment.caller"} with input as d
}

test_a_user_in_a_similar_name_is_not_a_user if {
	d := doc([assignment("x", {"principal_id": "${module.not_azuread_users.id}", "principal_type": "ServicePrincipal"})])
	count(policy.deny) == 0 with input as d
}
