package rungs.aws.secretsmanager.rotation_test

import rego.v1

import data.rungs.aws.secretsmanager.rotation as policy

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

secret := res("aws_secretsmanager_secret", "db", {"name": "prod/db"})

rotation(id) := res("aws_secretsmanager_secret_rotation", "db", {"secret_id": id, "rotation_lambda_arn": "${aws_lambda_function.rotate.arn}", "rotation_rules": [{"automatically_after_days": 30}]})

test_unrotated_denied if {
	addresses(policy.deny) == {"aws_secretsmanager_secret.db"} with input as doc([secret])
}

test_rotation_of_other_secret_does_not_count if {
	other := res("aws_secretsmanager_secret", "api", {"name": "prod/api"})
	addresses(policy.deny) == {"aws_secretsmanager_secret.db"} with input as doc([secret, other, rotation("${aws_secretsmanager_secret.api.id}")])
}

test_rotation_by_reference_and_name_passes if {
	count(policy.deny) == 0 with input as doc([secret, rotation("${aws_secretsmanager_secret.db.id}")])
	count(policy.deny) == 0 with input as doc([secret, rotation("prod/db")])
}

test_legacy_inline_rotation_passes if {
	legacy := res("aws_secretsmanager_secret", "db", {"name": "prod/db", "rotation_lambda_arn": "${aws_lambda_function.rotate.arn}", "rotation_rules": [{"automatically_after_days": 30}]})
	count(policy.deny) == 0 with input as doc([legacy])
}

test_unknown_rotation_target_no_finding if {
	count(policy.deny) == 0 with input as doc([secret, rotation("${var.secret_arn}")])
	count(policy.deny) == 0 with input as doc([secret, rotation("${each.value.id}")])
}
