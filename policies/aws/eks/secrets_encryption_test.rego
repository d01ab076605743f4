package rungs.aws.eks.secrets_encryption_test

import rego.v1

import data.rungs.aws.eks.secrets_encryption as policy

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

cluster(cfg) := res("aws_eks_cluster", "main", object.union({"name": "main", "vpc_config": [{"subnet_ids": ["a"]}]}, cfg))

test_no_encryption_denied if {
	findings := policy.deny with input as doc([cluster({})])
	addresses(findings) == {"aws_eks_cluster.main"}
}

test_secrets_encrypted_passes if {
	findings := policy.deny with input as doc([cluster({"encryption_config": [{"resources": ["secrets"], "provider": [{"key_arn": "${aws_kms_key.eks.arn}"}]}]})])
	count(findings) == 0
}

test_unknown_resources_no_finding if {
	findings := policy.deny with input as doc([cluster({"encryption_config": [{"resources": "${var.encrypted_resources}", "provider": [{"key_arn": "${var.key}"}]}]})])
	count(findings) == 0
}
