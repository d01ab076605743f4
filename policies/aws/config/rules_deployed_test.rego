package rungs.aws.config.rules_deployed_test

import rego.v1

import data.rungs.aws.config.rules_deployed as policy

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

test_rule_present if {
	policy.present with input as doc([res("aws_config_config_rule", "s3", {"name": "s3-public", "source": [{"owner": "AWS", "source_identifier": "S3_BUCKET_PUBLIC_READ_PROHIBITED"}]})])
}

test_org_pack_present if {
	policy.present with input as doc([res("aws_config_organization_conformance_pack", "cis", {"name": "cis"})])
}

test_absent_not_present if {
	not policy.present with input as doc([res("aws_config_configuration_recorder", "this", {})])
}

test_unknown_arguments_still_present if {
	policy.present with input as doc([res("aws_config_conformance_pack", "x", {"name": "${var.name}", "template_body": "${file(var.path)}"})])
}
