package rungs.aws.backup.central_governance_test

import rego.v1

import data.rungs.aws.backup.central_governance as policy

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

test_backup_policy_present if {
	policy.present with input as doc([res("aws_organizations_policy", "backup", {"name": "backup", "type": "BACKUP_POLICY", "content": "{}"})])
}

test_vault_lock_present if {
	policy.present with input as doc([res("aws_backup_vault_lock_configuration", "main", {"backup_vault_name": "main", "min_retention_days": 7})])
}

test_scp_only_not_present if {
	not policy.present with input as doc([res("aws_organizations_policy", "scp", {"name": "scp", "content": "{}"})])
	not policy.present with input as doc([res("aws_organizations_policy", "tags", {"name": "tags", "type": "TAG_POLICY", "content": "{}"})])
}

test_nothing_not_present if {
	not policy.present with input as doc([res("aws_backup_vault", "main", {"name": "main"})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([res("aws_organizations_policy", "p", {"name": "p", "type": "${var.policy_type}", "content": "{}"})])
}
