package rungs.aws.cloudformation.secretsmanager_rotation_test

import rego.v1

import data.rungs.aws.cloudformation.secretsmanager_rotation as policy

res(t, id, props) := {"address": id, "ref": id, "type": t, "name": id, "provider": "cloudformation", "mode": "managed", "module": "", "file": "t.yaml", "line": 1, "end_line": 2, "config": props}

doc(rs) := {
	"schema_version": 1,
	"root": "t.yaml",
	"files": ["t.yaml"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
	"providers": [],
}

addresses(findings) := {f.resource | some f in findings}

cases := doc([
	res("AWS::SecretsManager::Secret", "Rotated", {"GenerateSecretString": {"PasswordLength": 32}}),
	res("AWS::SecretsManager::RotationSchedule", "Rotation", {"SecretId": "${Rotated}", "HostedRotationLambda": {"RotationType": "PostgreSQLSingleUser"}, "RotationRules": {"AutomaticallyAfterDays": 30}}),
	res("AWS::SecretsManager::Secret", "Static", {"GenerateSecretString": {"PasswordLength": 32}}),
])

passing := doc([
	res("AWS::SecretsManager::Secret", "Rotated", {"GenerateSecretString": {"PasswordLength": 32}}),
	res("AWS::SecretsManager::RotationSchedule", "Rotation", {"SecretId": "${Rotated}", "HostedRotationLambda": {"RotationType": "PostgreSQLSingleUser"}, "RotationRules": {"AutomaticallyAfterDays": 30}}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"Static"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == set() with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}

test_a_schedule_of_a_parameter_leaves_secrets_unjudged if {
d := doc([res("AWS::SecretsManager::Secret", "Static", {}), res("AWS::SecretsManager::RotationSchedule", "R", {"SecretId": "${SecretArn}"})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"Static"} with input as d
}
