package rungs.gcp.logging.sink_bucket_locked_test

import rego.v1

import data.rungs.gcp.logging.sink_bucket_locked as policy

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

sink(dest) := res("google_logging_project_sink", "audit", {"name": "audit", "destination": dest, "filter": "logName:\"cloudaudit.googleapis.com\""})

bucket(cfg) := res("google_storage_bucket", "logs", object.union({"name": "acme-audit-logs", "location": "EU"}, cfg))

locked_policy := {"retention_policy": [{"retention_period": 31536000, "is_locked": true}]}

test_unlocked_bucket_by_reference_denied if {
	findings := policy.deny with input as doc([sink("storage.googleapis.com/${google_storage_bucket.logs.name}"), bucket({})])
	addresses(findings) == {"google_logging_project_sink.audit"}
}

test_unlocked_bucket_by_name_denied if {
	findings := policy.deny with input as doc([sink("storage.googleapis.com/acme-audit-logs"), bucket({"retention_policy": [{"retention_period": 86400}]})])
	count(findings) == 1
}

test_locked_bucket_passes if {
	findings := policy.deny with input as doc([sink("storage.googleapis.com/${google_storage_bucket.logs.name}"), bucket(locked_policy)])
	count(findings) == 0
}

lb(locked) := res("google_logging_project_bucket_config", "audit", {"project": "acme-security", "location": "global", "bucket_id": "org-audit", "retention_days": 400, "locked": locked})

test_log_bucket_lock if {
	s := sink("logging.googleapis.com/projects/acme-security/locations/global/buckets/org-audit")
	count(policy.deny) == 1 with input as doc([s, lb(false)])
	count(policy.deny) == 0 with input as doc([s, lb(true)])
}

test_other_destinations_not_judged if {
	findings := policy.deny with input as doc([
		sink("pubsub.googleapis.com/projects/acme/topics/logs"),
		sink("storage.googleapis.com/some-bucket-elsewhere"),
		bucket({}),
	])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		sink("${var.destination}"),
		sink("storage.googleapis.com/${google_storage_bucket.logs.name}"),
		bucket({"retention_policy": [{"retention_period": 31536000, "is_locked": "${var.lock}"}]}),
	])
	count(findings) == 0
}
