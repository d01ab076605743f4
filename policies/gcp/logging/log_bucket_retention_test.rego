package rungs.gcp.logging.log_bucket_retention_test

import rego.v1

import data.rungs.gcp.logging.log_bucket_retention as policy

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

bucket(cfg) := res("google_logging_project_bucket_config", "audit", object.union({"project": "acme-security", "location": "global", "bucket_id": "audit"}, cfg))

test_default_retention_denied if {
	findings := policy.deny with input as doc([bucket({})])
	addresses(findings) == {"google_logging_project_bucket_config.audit"}
}

test_short_retention_denied if {
	findings := policy.deny with input as doc([bucket({"retention_days": 90})])
	count(findings) == 1
}

test_year_passes if {
	findings := policy.deny with input as doc([bucket({"retention_days": 365}), res("google_logging_organization_bucket_config", "o", {"retention_days": 400})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([bucket({"retention_days": "${var.retention_days}"})])
	count(findings) == 0
}
