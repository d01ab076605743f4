package rungs.aws.cloudformation.dynamodb_customer_managed_key_test

import rego.v1

import data.rungs.aws.cloudformation.dynamodb_customer_managed_key as policy

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
	res("AWS::DynamoDB::Table", "Keyed", {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST", "SSESpecification": {"SSEEnabled": true, "SSEType": "KMS", "KMSMasterKeyId": "${TableKey}"}}),
	res("AWS::DynamoDB::Table", "AwsManaged", {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST", "SSESpecification": {"SSEEnabled": true}}),
	res("AWS::DynamoDB::Table", "Plain", {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST"}),
	res("AWS::DynamoDB::Table", "Maybe", {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST", "SSESpecification": "${Fn::If Prod}"}),
	res("AWS::KMS::Key", "TableKey", {}),
])

passing := doc([
	res("AWS::DynamoDB::Table", "Keyed", {"KeySchema": [{"AttributeName": "id", "KeyType": "HASH"}], "AttributeDefinitions": [{"AttributeName": "id", "AttributeType": "S"}], "BillingMode": "PAY_PER_REQUEST", "SSESpecification": {"SSEEnabled": true, "SSEType": "KMS", "KMSMasterKeyId": "${TableKey}"}}),
	res("AWS::KMS::Key", "TableKey", {}),
])

test_denies_exactly_the_failing_resources if {
	addresses(policy.deny) == {"AwsManaged", "Plain"} with input as cases
}

test_unknown_values_are_not_judged if {
	addresses(policy.unknown) == {"Maybe"} with input as cases
}

test_passing_resources_raise_nothing if {
	count(policy.deny) == 0 with input as passing
	count(policy.unknown) == 0 with input as passing
}
