package acme.dynamodb.pitr_test

import rego.v1

import data.acme.dynamodb.pitr

table(config) := {"resources_by_type": {"aws_dynamodb_table": [{
	"address": "aws_dynamodb_table.t",
	"ref": "aws_dynamodb_table.t",
	"module": "",
	"config": config,
}]}}

test_table_without_pitr_is_denied if {
	pitr.deny == {{"resource": "aws_dynamodb_table.t", "message": "DynamoDB table has no point-in-time recovery"}} with input as table({"name": "t"})
}

test_pitr_disabled_is_denied if {
	count(pitr.deny) == 1 with input as table({"point_in_time_recovery": [{"enabled": false}]})
}

test_pitr_enabled_passes if {
	count(pitr.deny) == 0 with input as table({"point_in_time_recovery": [{"enabled": true}]})
}

test_unknown_setting_is_not_judged if {
	inp := table({"point_in_time_recovery": [{"enabled": "${var.pitr}"}]})
	count(pitr.deny) == 0 with input as inp
	count(pitr.unknown) == 1 with input as inp
}
