package rungs.gcp.storage.access_logging_test

import rego.v1

import data.rungs.gcp.storage.access_logging as policy

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

bucket(name, cfg) := res("google_storage_bucket", name, object.union({"name": concat("-", ["acme", name]), "location": "EU"}, cfg))

test_no_logging_denied if {
	findings := policy.deny with input as doc([bucket("data", {})])
	addresses(findings) == {"google_storage_bucket.data"}
}

test_logging_passes_and_log_bucket_not_judged if {
	findings := policy.deny with input as doc([
		bucket("data", {"logging": [{"log_bucket": "${google_storage_bucket.logs.name}"}]}),
		bucket("logs", {}),
	])
	count(findings) == 0
}

test_log_bucket_by_literal_name_not_judged if {
	findings := policy.deny with input as doc([
		bucket("data", {"logging": [{"log_bucket": "acme-logs"}]}),
		bucket("logs", {}),
		bucket("other", {}),
	])
	addresses(findings) == {"google_storage_bucket.other"}
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		bucket("data", {"logging": [{"log_bucket": "${var.log_bucket}"}]}),
		bucket("more", {"logging": "${local.logging}"}),
	])
	count(findings) == 0
}
