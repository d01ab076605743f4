package rungs.lib.gcp_test

import rego.v1

import data.rungs.lib.gcp

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "google", "mode": "managed", "module": "", "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "google", "mode": "data", "module": "", "config": cfg}

type_key(x) := concat(".", ["data", x.type]) if x.mode == "data"

type_key(x) := x.type if x.mode != "data"

doc(rs) := {"resources": rs, "resources_by_type": {k: [x | some x in rs; type_key(x) == k] | some y in rs; k := type_key(y)}}

# --- accessors ---------------------------------------------------------------

test_get_treats_null_as_absent if {
	gcp.get({"a": null}, "a", 1) == 1
	gcp.get({"a": 2}, "a", 1) == 2
	gcp.get({}, "a", "x") == "x"
}

test_nested_blocks if {
	r := res("google_sql_database_instance", "db", {"settings": [{"ip_configuration": [{"ipv4_enabled": false}]}]})
	gcp.nested(r, "settings", "ip_configuration") == [{"ipv4_enabled": false}]
	gcp.nested(res("x", "y", {"settings": "${var.s}"}), "settings", "ip_configuration") == []
}

test_present_blocks_skips_blocks_that_may_not_exist if {
	r := res("google_compute_instance", "vm", {"access_config": [{}, {"_for_each": "${var.public ? [1] : []}"}]})
	count(gcp.present_blocks(r, "access_config")) == 1
}

test_flags if {
	gcp.flag_on("TRUE")
	gcp.flag_on(true)
	gcp.flag_on("1")
	gcp.flag_off("FALSE")
	gcp.flag_off("0")
	not gcp.flag_on("${var.x}")
	not gcp.flag_off("${var.x}")
}

# --- IAM -----------------------------------------------------------------------

test_public_and_human_members if {
	gcp.is_public_member("allUsers")
	gcp.is_public_member("allAuthenticatedUsers")
	not gcp.is_public_member("user:allUsers@example.com")
	gcp.is_human_member("user:jane@example.com")
	gcp.is_human_member("group:${var.admins}")
	not gcp.is_human_member("serviceAccount:ci@p.iam.gserviceaccount.com")
	not gcp.is_human_member("${var.member}")
}

test_grants_of_binding_and_member if {
	b := res("google_project_iam_binding", "b", {"role": "roles/owner", "members": ["user:a@example.com", "${var.m}"]})
	m := res("google_project_iam_member", "m", {"role": "${var.role}", "member": "user:b@example.com"})
	gcp.grants(b) == [{"role": "roles/owner", "member": "user:a@example.com"}, {"role": "roles/owner", "member": "${var.m}"}]
	gcp.grants(m) == []
}

test_grants_of_json_policy if {
	p := res("google_project_iam_policy", "p", {"policy_data": "{\"bindings\":[{\"members\":[\"group:${var.g}\",\"user:x@example.com\"],\"role\":\"roles/editor\"}]}"})
	gcp.grants(p) == [{"role": "roles/editor", "member": "group:${var.g}"}, {"role": "roles/editor", "member": "user:x@example.com"}]
}

test_grants_of_data_policy_by_reference if {
	d := data_res("google_iam_policy", "admin", {"binding": [{"role": "roles/owner", "members": ["user:a@example.com"]}]})
	other := data_res("google_iam_policy", "other", {"binding": [{"role": "roles/viewer", "members": ["user:b@example.com"]}]})
	p := res("google_project_iam_policy", "p", {"policy_data": "${data.google_iam_policy.admin.policy_data}"})
	gcp.grants(p) == [{"role": "roles/owner", "member": "user:a@example.com"}] with input as doc([d, other, p])
}

test_grants_of_unknown_policy_is_empty if {
	p := res("google_project_iam_policy", "p", {"policy_data": "${var.policy}"})
	gcp.grants(p) == [] with input as doc([p])
}

test_iam_types if {
	gcp.iam_types(["google_project"]) == ["google_project_iam_binding", "google_project_iam_member", "google_project_iam_policy"]
}

# --- firewall ------------------------------------------------------------------

test_active_ingress if {
	gcp.active_ingress(res("google_compute_firewall", "a", {}))
	gcp.active_ingress(res("google_compute_firewall", "a", {"direction": "INGRESS", "disabled": false}))
	not gcp.active_ingress(res("google_compute_firewall", "a", {"direction": "EGRESS"}))
	not gcp.active_ingress(res("google_compute_firewall", "a", {"disabled": true}))
	not gcp.active_ingress(res("google_compute_firewall", "a", {"direction": "${var.d}"}))
	not gcp.active_ingress(res("google_compute_firewall", "a", {"disabled": "${var.off}"}))
}

test_open_sources if {
	gcp.open_sources(res("google_compute_firewall", "a", {"source_ranges": ["10.0.0.0/8", "0.0.0.0/0", "${var.x}"]})) == {"0.0.0.0/0"}
	gcp.open_sources(res("google_compute_firewall", "a", {"source_tags": ["web"]})) == set()
	gcp.open_sources(res("google_compute_firewall", "a", {"source_ranges": "${var.ranges}"})) == set()
}

test_allow_reaches_port if {
	gcp.allow_reaches_port({"protocol": "tcp", "ports": ["22"]}, 22)
	gcp.allow_reaches_port({"protocol": "tcp", "ports": ["20-30"]}, 22)
	gcp.allow_reaches_port({"protocol": "tcp", "ports": [22]}, 22)
	gcp.allow_reaches_port({"protocol": "tcp"}, 3389)
	gcp.allow_reaches_port({"protocol": "all"}, 22)
	gcp.allow_reaches_port({"protocol": "6", "ports": []}, 22)
	not gcp.allow_reaches_port({"protocol": "tcp", "ports": ["443"]}, 22)
	not gcp.allow_reaches_port({"protocol": "icmp"}, 22)
	not gcp.allow_reaches_port({"protocol": "tcp", "ports": ["${var.port}"]}, 22)
	not gcp.allow_reaches_port({"protocol": "tcp", "ports": "${var.ports}"}, 22)
	not gcp.allow_reaches_port({"protocol": "${var.p}"}, 22)
	not gcp.allow_reaches_port({"protocol": "tcp", "ports": ["${var.from}-${var.to}"]}, 22)
}

test_allow_reaches_all_ports if {
	gcp.allow_reaches_all_ports({"protocol": "all"})
	gcp.allow_reaches_all_ports({"protocol": "udp"})
	gcp.allow_reaches_all_ports({"protocol": "tcp", "ports": ["0-65535"]})
	gcp.allow_reaches_all_ports({"protocol": "tcp", "ports": ["1-65535"]})
	not gcp.allow_reaches_all_ports({"protocol": "tcp", "ports": ["1-1024"]})
	not gcp.allow_reaches_all_ports({"protocol": "tcp", "ports": "${var.ports}"})
	not gcp.allow_reaches_all_ports({"protocol": "icmp"})
}

# --- organization policies -----------------------------------------------------------

v2(name, parent, spec) := res("google_org_policy_policy", name, {"name": concat("", [parent, "/policies/iam.disableServiceAccountKeyCreation"]), "parent": parent, "spec": spec})

test_constraint_of if {
	gcp.constraint_of(v2("p", "organizations/123", [])) == "iam.disableServiceAccountKeyCreation"
	gcp.constraint_of(res("google_organization_policy", "p", {"constraint": "constraints/compute.vmExternalIpAccess"})) == "compute.vmExternalIpAccess"
	gcp.constraint_of(res("google_folder_organization_policy", "p", {"constraint": "storage.publicAccessPrevention"})) == "storage.publicAccessPrevention"
	not gcp.constraint_of(res("google_org_policy_policy", "p", {"name": "organizations/1/policies/${each.key}"}))
}

test_constraints_of_for_each if {
	p := object.union(res("google_org_policy_policy", "bool", {"name": "organizations/1/policies/${each.key}", "parent": "organizations/1"}), {"for_each": {"compute.requireOsLogin": true, "iam.disableServiceAccountKeyCreation": true}})
	gcp.constraints_of(p) == {"compute.requireOsLogin", "iam.disableServiceAccountKeyCreation"}
	gcp.may_set(p, "compute.requireOsLogin")
	not gcp.may_set(p, "gcp.restrictNonCmekServices")
	not gcp.constraint_of(p)
	q := object.union(res("google_organization_policy", "v1", {"org_id": "1", "constraint": "${each.key}"}), {"for_each": ["constraints/sql.restrictPublicIp"]})
	gcp.constraints_of(q) == {"sql.restrictPublicIp"}
	u := object.union(res("google_org_policy_policy", "u", {"name": "organizations/1/policies/${each.key}"}), {"for_each": "${var.constraints}"})
	gcp.may_set(u, "gcp.restrictNonCmekServices")
	v := res("google_org_policy_policy", "v", {"name": "${var.policy_name}"})
	gcp.may_set(v, "gcp.restrictNonCmekServices")
}

test_enforces_v2 if {
	gcp.enforces(v2("p", "organizations/1", [{"rules": [{"enforce": "TRUE"}]}]))
	gcp.enforces(v2("p", "organizations/1", [{"rules": [{"deny_all": "TRUE"}]}]))
	gcp.enforces(v2("p", "organizations/1", [{"rules": [{"values": [{"allowed_values": ["C0abc"]}]}]}]))
	gcp.enforces(v2("p", "organizations/1", [{"rules": [{"enforce": "${var.enforce}"}]}]))
	not gcp.enforces(v2("p", "organizations/1", [{"rules": [{"enforce": "FALSE"}]}]))
	not gcp.enforces(v2("p", "organizations/1", [{"rules": [{"allow_all": "TRUE"}]}]))
	not gcp.enforces(v2("p", "organizations/1", []))
}

test_enforces_v1 if {
	gcp.enforces(res("google_organization_policy", "p", {"constraint": "x", "boolean_policy": [{"enforced": true}]}))
	gcp.enforces(res("google_organization_policy", "p", {"constraint": "x", "list_policy": [{"deny": [{"all": true}]}]}))
	gcp.enforces(res("google_organization_policy", "p", {"constraint": "x", "list_policy": [{"allow": [{"values": ["projects/a"]}]}]}))
	not gcp.enforces(res("google_organization_policy", "p", {"constraint": "x", "boolean_policy": [{"enforced": false}]}))
	not gcp.enforces(res("google_organization_policy", "p", {"constraint": "x", "list_policy": [{"allow": [{"all": true}]}]}))
}

test_org_or_folder_level if {
	gcp.org_or_folder_level(v2("p", "organizations/123", []))
	gcp.org_or_folder_level(v2("p", "folders/${google_folder.prod.folder_id}", []))
	gcp.org_or_folder_level(v2("p", "${var.parent}", []))
	not gcp.org_or_folder_level(v2("p", "projects/acme-prod", []))
	gcp.org_or_folder_level(res("google_folder_organization_policy", "p", {}))
	not gcp.org_or_folder_level(res("google_project_organization_policy", "p", {}))
}

test_constraint_enforced_centrally if {
	p := v2("p", "projects/acme", [{"rules": [{"enforce": "TRUE"}]}])
	not gcp.constraint_enforced_centrally("iam.disableServiceAccountKeyCreation") with input as doc([p])
	q := v2("q", "folders/7", [{"rules": [{"enforce": "TRUE"}]}])
	gcp.constraint_enforced_centrally("iam.disableServiceAccountKeyCreation") with input as doc([q])
}

# --- org policy scoping ------------------------------------------------------------

c := "iam.disableServiceAccountKeyCreation"

on(parent) := v2("p", parent, [{"rules": [{"enforce": "TRUE"}]}])

bucket(project) := res("google_storage_bucket", "b", {"project": project})

test_project_policy_covers_only_its_project if {
	gcp.constraint_covers(c, bucket("acme")) with input as doc([on("projects/acme")])
	not gcp.constraint_may_cover(c, bucket("other")) with input as doc([on("projects/acme")])
	gcp.constraint_covers(c, bucket("${google_project.app.project_id}")) with input as doc([on("projects/${google_project.app.project_id}")])
	not gcp.constraint_may_cover(c, bucket("${google_project.web.project_id}")) with input as doc([on("projects/${google_project.app.project_id}")])
}

test_project_policy_on_unknown_project_may_cover if {
	not gcp.constraint_covers(c, bucket("${var.project}")) with input as doc([on("projects/acme")])
	gcp.constraint_may_cover(c, bucket("${var.project}")) with input as doc([on("projects/acme")])
	gcp.constraint_may_cover(c, res("google_storage_bucket", "b", {})) with input as doc([on("projects/acme")])
}

test_project_policy_by_project_id_covers_the_project_reference if {
	gp := res("google_project", "app", {"project_id": "acme-app"})
	gcp.constraint_covers(c, bucket("${google_project.app.project_id}")) with input as doc([gp, on("projects/acme-app")])
	gcp.constraint_covers(c, gp) with input as doc([gp, on("projects/acme-app")])
}

test_folder_policy_covers_projects_known_under_it if {
	f := res("google_folder", "prod", {"parent": "organizations/1", "display_name": "prod"})
	gp := res("google_project", "app", {"project_id": "acme-app", "folder_id": "${google_folder.prod.folder_id}"})
	rs := [f, gp, on("${google_folder.prod.name}")]
	gcp.constraint_covers(c, bucket("acme-app")) with input as doc(rs)
	gcp.constraint_covers(c, gp) with input as doc(rs)
	# The organization above the folder covers it too.
	gcp.constraint_covers(c, bucket("${google_project.app.project_id}")) with input as doc([f, gp, on("organizations/1")])
}

test_folder_policy_over_an_unplaced_project_may_cover if {
	gp := res("google_project", "app", {"project_id": "acme-app", "folder_id": "42"})
	not gcp.constraint_covers(c, bucket("acme-app")) with input as doc([gp, on("folders/7")])
	gcp.constraint_may_cover(c, bucket("acme-app")) with input as doc([gp, on("folders/7")])
	not gcp.constraint_covers(c, bucket("elsewhere")) with input as doc([gp, on("folders/42")])
	gcp.constraint_may_cover(c, bucket("elsewhere")) with input as doc([gp, on("folders/42")])
}

test_unknown_enforcement_never_covers if {
	p := v2("p", "projects/acme", [{"rules": [{"enforce": "${var.enforce}"}]}])
	not gcp.constraint_covers(c, bucket("acme")) with input as doc([p])
	gcp.constraint_may_cover(c, bucket("acme")) with input as doc([p])
}

# --- compute -------------------------------------------------------------------

test_metadata_value if {
	gcp.metadata_value(res("google_compute_instance", "vm", {"metadata": {"enable-oslogin": "TRUE"}}), "enable-oslogin") == "TRUE"
	not gcp.metadata_value(res("google_compute_instance", "vm", {}), "enable-oslogin")
	gcp.metadata_value(res("google_compute_instance", "vm", {"metadata": "${var.metadata}"}), "enable-oslogin") == "${var.metadata}"
}

test_project_metadata_values if {
	pm := res("google_compute_project_metadata", "m", {"metadata": {"enable-oslogin": "TRUE"}})
	item := res("google_compute_project_metadata_item", "i", {"key": "serial-port-enable", "value": "false"})
	gcp.project_metadata_values("enable-oslogin") == ["TRUE"] with input as doc([pm, item])
	gcp.project_metadata_values("serial-port-enable") == ["false"] with input as doc([pm, item])
}

test_default_compute_sa if {
	gcp.is_default_compute_sa("123456789-compute@developer.gserviceaccount.com")
	gcp.is_default_compute_sa("default")
	not gcp.is_default_compute_sa("app@acme-prod.iam.gserviceaccount.com")
	not gcp.is_default_compute_sa("${google_service_account.app.email}")
	gcp.full_access_scope("cloud-platform")
	gcp.full_access_scope("https://www.googleapis.com/auth/cloud-platform")
	not gcp.full_access_scope("storage-ro")
}

test_unjudged_grants_skips_members_taken_from_resources if {
	m := {"address": "google_project_iam_member.a", "type": "google_project_iam_member", "module": "", "config": {"role": "roles/viewer", "member": "${google_logging_organization_sink.audit.writer_identity}"}}
	v := {"address": "google_project_iam_member.b", "type": "google_project_iam_member", "module": "", "config": {"role": "roles/viewer", "member": "${var.member}"}}
	l := {"address": "google_project_iam_binding.c", "type": "google_project_iam_binding", "module": "", "config": {"role": "roles/viewer", "members": ["user:a@example.com", "${each.value}"]}}
	k := {"address": "google_project_iam_binding.d", "type": "google_project_iam_binding", "module": "", "config": {"role": "roles/viewer", "members": ["serviceAccount:${google_service_account.x.email}"]}}
	inp := {"resources_by_type": {"google_project_iam_member": [m, v], "google_project_iam_binding": [l, k]}}
	{f.resource | some f in gcp.unjudged_grants(["google_project_iam_member", "google_project_iam_binding"])} == {"google_project_iam_member.b", "google_project_iam_binding.c"} with input as inp
}
