package rungs.gcp.asset.inventory_feed_test

import rego.v1

import data.rungs.gcp.asset.inventory_feed as policy

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

feed(t) := res(t, "resources", {"feed_id": "resources", "content_type": "RESOURCE", "asset_types": [".*"], "feed_output_config": [{"pubsub_destination": [{"topic": "${google_pubsub_topic.assets.id}"}]}]})

test_feeds_present if {
	policy.present with input as doc([feed("google_cloud_asset_project_feed")])
	policy.present with input as doc([feed("google_cloud_asset_organization_feed")])
}

test_no_feed_not_present if {
	not policy.present with input as doc([res("google_pubsub_topic", "assets", {"name": "assets"})])
}

test_unknown_values_present if {
	policy.present with input as doc([res("google_cloud_asset_folder_feed", "f", {"folder": "${var.folder}", "feed_id": "${var.feed}"})])
}
