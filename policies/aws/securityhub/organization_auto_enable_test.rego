package rungs.aws.securityhub.organization_auto_enable_test

import rego.v1

import data.rungs.aws.securityhub.organization_auto_enable as policy

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

conf(cfg) := res("aws_securityhub_organization_configuration", "this", cfg)

test_auto_enable_present if {
	policy.present with input as doc([conf({"auto_enable": true, "auto_enable_standards": "DEFAULT"})])
}

test_central_configuration_present if {
	policy.present with input as doc([conf({"auto_enable": false, "auto_enable_standards": "NONE", "organization_configuration": [{"configuration_type": "CENTRAL"}]})])
}

test_local_without_auto_enable_not_present if {
	not policy.present with input as doc([conf({"auto_enable": false})])
	not policy.present with input as doc([conf({"auto_enable": false, "organization_configuration": [{"configuration_type": "LOCAL"}]})])
}

test_nothing_not_present if {
	not policy.present with input as doc([res("aws_securityhub_account", "this", {})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([conf({"auto_enable": "${var.auto_enable}"})])
}
