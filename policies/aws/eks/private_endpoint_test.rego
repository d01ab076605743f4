package rungs.aws.eks.private_endpoint_test

import rego.v1

import data.rungs.aws.eks.private_endpoint as policy

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

cluster(vc) := res("aws_eks_cluster", "main", {"name": "main", "role_arn": "${aws_iam_role.eks.arn}", "vpc_config": [vc]})

test_default_public_denied if {
	findings := policy.deny with input as doc([cluster({"subnet_ids": ["subnet-1"]})])
	addresses(findings) == {"aws_eks_cluster.main"}
}

test_public_open_cidr_denied if {
	findings := policy.deny with input as doc([cluster({"endpoint_public_access": true, "public_access_cidrs": ["0.0.0.0/0"]})])
	count(findings) == 1
}

test_private_passes if {
	findings := policy.deny with input as doc([cluster({"endpoint_private_access": true, "endpoint_public_access": false})])
	count(findings) == 0
}

test_restricted_cidrs_pass if {
	findings := policy.deny with input as doc([cluster({"endpoint_public_access": true, "public_access_cidrs": ["203.0.113.0/24"]})])
	count(findings) == 0
}

test_unknown_no_finding if {
	findings := policy.deny with input as doc([
		cluster({"endpoint_public_access": "${var.public}"}),
		res("aws_eks_cluster", "other", {"vpc_config": [{"public_access_cidrs": "${var.cidrs}"}]}),
	])
	count(findings) == 0
}
