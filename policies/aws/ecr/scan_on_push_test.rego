package rungs.aws.ecr.scan_on_push_test

import rego.v1

import data.rungs.aws.ecr.scan_on_push as policy

# --- test helpers: build resources and input documents ---------------------

res(t, name, cfg) := {"address": concat(".", [t, name]), "ref": concat(".", [t, name]), "type": t, "name": name, "provider": "aws", "mode": "managed", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

data_res(t, name, cfg) := {"address": concat(".", ["data", t, name]), "ref": concat(".", ["data", t, name]), "type": t, "name": name, "provider": "aws", "mode": "data", "module": "", "file": "main.tf", "line": 1, "end_line": 2, "config": cfg}

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

repo(cfg) := res("aws_ecr_repository", "app", object.union({"name": "app"}, cfg))

test_no_scanning_denied if {
	findings := policy.deny with input as doc([repo({})])
	addresses(findings) == {"aws_ecr_repository.app"}
}

test_scan_disabled_denied if {
	findings := policy.deny with input as doc([repo({"image_scanning_configuration": [{"scan_on_push": false}]})])
	count(findings) == 1
}

test_scan_on_push_passes if {
	findings := policy.deny with input as doc([repo({"image_scanning_configuration": [{"scan_on_push": true}]})])
	count(findings) == 0
}

test_registry_enhanced_scanning_covers if {
	rs := res("aws_ecr_registry_scanning_configuration", "this", {"scan_type": "ENHANCED", "rule": [{"scan_frequency": "CONTINUOUS_SCAN"}]})
	findings := policy.deny with input as doc([repo({}), rs])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([repo({"image_scanning_configuration": [{"scan_on_push": "${var.scan}"}]})])
	count(findings) == 0
}
