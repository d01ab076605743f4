package rungs.aws.eks.control_plane_logging_test

import rego.v1

import data.rungs.aws.eks.control_plane_logging as policy

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

cluster(cfg) := res("aws_eks_cluster", "main", object.union({"name": "main", "role_arn": "${aws_iam_role.eks.arn}"}, cfg))

test_missing_types_denied if {
	addresses(policy.deny) == {"aws_eks_cluster.main"} with input as doc([cluster({})])
	addresses(policy.deny) == {"aws_eks_cluster.main"} with input as doc([cluster({"enabled_cluster_log_types": ["api", "audit"]})])
}

test_all_types_pass if {
	count(policy.deny) == 0 with input as doc([cluster({"enabled_cluster_log_types": ["api", "audit", "authenticator", "controllerManager", "scheduler"]})])
}

test_unknown_no_finding if {
	count(policy.deny) == 0 with input as doc([cluster({"enabled_cluster_log_types": "${var.log_types}"})])
	count(policy.deny) == 0 with input as doc([cluster({"enabled_cluster_log_types": ["api", "${var.extra}"]})])
}
