package rungs.gcp.logging.data_access_audit_logs_test

import rego.v1

import data.rungs.gcp.logging.data_access_audit_logs as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "google", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "google", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

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

cfg(service, types) := res("google_organization_iam_audit_config", "all", {"org_id": "1", "service": service, "audit_log_config": [{"log_type": t} | some t in types]})

test_all_services_read_write_present if {
	policy.present with input as doc([cfg("allServices", ["ADMIN_READ", "DATA_READ", "DATA_WRITE"])])
}

test_missing_data_write_not_present if {
	not policy.present with input as doc([cfg("allServices", ["ADMIN_READ", "DATA_READ"])])
}

test_single_service_not_present if {
	not policy.present with input as doc([cfg("storage.googleapis.com", ["DATA_READ", "DATA_WRITE"])])
}

test_project_level_present if {
	c := res("google_project_iam_audit_config", "p", {"project": "acme-prod", "service": "allServices", "audit_log_config": [{"log_type": "DATA_WRITE"}, {"log_type": "DATA_READ", "exempted_members": ["group:ci@example.com"]}]})
	policy.present with input as doc([c])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([cfg("${var.service}", ["${audit_log_config.value}"])])
	c := res("google_project_iam_audit_config", "p", {"project": "acme-prod", "service": "allServices", "audit_log_config": "${local.log_configs}"})
	policy.present with input as doc([c])
}
