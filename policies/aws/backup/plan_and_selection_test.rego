package rungs.aws.backup.plan_and_selection_test

import rego.v1

import data.rungs.aws.backup.plan_and_selection as policy

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

plan := res("aws_backup_plan", "daily", {"name": "daily", "rule": [{"rule_name": "daily", "target_vault_name": "main", "schedule": "cron(0 3 * * ? *)"}]})

selection(plan_id) := res("aws_backup_selection", "tagged", {"name": "tagged", "plan_id": plan_id, "iam_role_arn": "${aws_iam_role.backup.arn}", "resources": ["*"]})

test_plan_and_selection_present if {
	policy.present with input as doc([plan, selection("${aws_backup_plan.daily.id}")])
}

test_plan_without_selection_not_present if {
	not policy.present with input as doc([plan])
}

test_selection_without_plan_not_present if {
	not policy.present with input as doc([selection("${var.plan_id}")])
	not policy.present with input as doc([res("aws_backup_plan", "empty", {"name": "empty"}), selection("${aws_backup_plan.empty.id}")])
}

test_organizations_backup_policy_present if {
	policy.present with input as doc([res("aws_organizations_policy", "backups", {"name": "backups", "type": "BACKUP_POLICY", "content": "{}"})])
	not policy.present with input as doc([res("aws_organizations_policy", "scp", {"name": "scp", "content": "{}"})])
}

test_nothing_not_present if {
	not policy.present with input as doc([res("aws_db_instance", "db", {})])
}

test_unknown_counts_as_present if {
	policy.present with input as doc([plan, selection("${var.plan_id}")])
	policy.present with input as doc([res("aws_backup_plan", "p", {"name": "p", "rule": "${var.rules}"}), selection("${aws_backup_plan.p.id}")])
}
