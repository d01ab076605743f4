package rungs.aws.ecr.immutable_tags_test

import rego.v1

import data.rungs.aws.ecr.immutable_tags as policy

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

test_default_mutable_denied if {
	findings := policy.deny with input as doc([repo({})])
	addresses(findings) == {"aws_ecr_repository.app"}
}

test_explicit_mutable_denied if {
	findings := policy.deny with input as doc([repo({"image_tag_mutability": "MUTABLE"})])
	count(findings) == 1
}

test_immutable_passes if {
	findings := policy.deny with input as doc([repo({"image_tag_mutability": "IMMUTABLE"}), res("aws_ecr_repository", "b", {"image_tag_mutability": "IMMUTABLE_WITH_EXCLUSION"})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([repo({"image_tag_mutability": "${var.mutability}"})])
	count(findings) == 0
}
