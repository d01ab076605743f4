package rungs.aws.secrets.provider_credentials_test

import rego.v1

import data.rungs.aws.secrets.provider_credentials as policy

provider(alias, cfg) := object.union({"name": "aws", "file": "main.tf", "line": 1, "config": cfg}, alias_of(alias))

alias_of(alias) := {} if alias == ""

alias_of(alias) := {"alias": alias} if alias != ""

doc(ps) := {"schema_version": 1, "root": ".", "files": ["main.tf"], "resources": [], "resources_by_type": {}, "module_calls": [], "providers": ps}

addresses(findings) := {f.resource | some f in findings}

test_written_keys_denied_without_the_value if {
	d := doc([
		provider("", {"region": "eu-west-1", "access_key": "AKIAIOSFODNN7EXAMPLE", "secret_key": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}),
		provider("replica", {"region": "us-east-1", "token": "FwoGZXIvYXdzEXAMPLE"}),
	])
	addresses(policy.deny) == {"provider.aws", "provider.aws.replica"} with input as d
	count(policy.deny) == 3 with input as d
	messages := [f.message | some f in policy.deny] with input as d
	count([m | some m in messages; contains(m, "EXAMPLE")]) == 0
}

test_unknown_blank_and_absent_pass if {
	d := doc([
		provider("", {"region": "eu-west-1", "access_key": "${var.access_key}", "secret_key": "${var.secret_key}"}),
		provider("a", {"access_key": "", "secret_key": "  "}),
		provider("b", {"profile": "prod"}),
	])
	count(policy.deny) == 0 with input as d
}

test_other_providers_ignored if {
	count(policy.deny) == 0 with input as doc([{"name": "azurerm", "file": "main.tf", "line": 1, "config": {"access_key": "AKIAIOSFODNN7EXAMPLE"}}])
}
