package rungs.gcp.scc.organization_notifications_test

import rego.v1

import data.rungs.gcp.scc.organization_notifications as policy

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

test_notification_present if {
	n := res("google_scc_v2_organization_notification_config", "f", {"config_id": "f", "organization": "1", "location": "global", "pubsub_topic": "${google_pubsub_topic.scc.id}", "streaming_config": [{"filter": "state = \"ACTIVE\""}]})
	policy.present with input as doc([n])
}

test_v1_notification_present if {
	n := res("google_scc_notification_config", "f", {"config_id": "f", "organization": "1", "pubsub_topic": "projects/acme-security/topics/scc"})
	policy.present with input as doc([n])
}

test_topic_only_not_present if {
	not policy.present with input as doc([res("google_pubsub_topic", "scc", {"name": "scc"})])
}

test_unknown_counts_as_present if {
	n := res("google_scc_notification_config", "f", {"config_id": "f", "organization": "${var.org_id}", "pubsub_topic": "${var.topic}"})
	policy.present with input as doc([n])
}
