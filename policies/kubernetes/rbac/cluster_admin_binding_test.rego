package rungs.kubernetes.rbac.cluster_admin_binding_test

import rego.v1

import data.rungs.kubernetes.rbac.cluster_admin_binding as policy

obj(kind, ns, name, body) := {"address": sprintf("%s.%s.%s", [kind, ns, name]), "ref": sprintf("%s.%s.%s", [kind, ns, name]), "type": kind, "name": name, "provider": "kubernetes", "mode": "managed", "module": "", "file": "k.yaml", "line": 1, "end_line": 9, "config": object.union({"apiVersion": "v1", "kind": kind, "metadata": {"name": name, "namespace": ns}}, body)}

cluster_obj(kind, name, body) := {"address": sprintf("%s.%s", [kind, name]), "ref": sprintf("%s.%s", [kind, name]), "type": kind, "name": name, "provider": "kubernetes", "mode": "managed", "module": "", "file": "k.yaml", "line": 1, "end_line": 9, "config": object.union({"apiVersion": "v1", "kind": kind, "metadata": {"name": name}}, body)}

doc(rs) := {
	"schema_version": 1,
	"root": "k8s",
	"files": ["k.yaml"],
	"resources": rs,
	"resources_by_type": {k: [x | some x in rs; x.type == k] | some y in rs; k := y.type},
	"module_calls": [],
	"providers": [],
}

addresses(findings) := {f.resource | some f in findings}

pod(name, spec) := obj("Pod", "default", name, {"spec": spec})

deployment(name, spec) := obj("Deployment", "shop", name, {"spec": {"template": {"metadata": {"labels": {"app": name}}, "spec": spec}}})

cronjob(name, spec) := obj("CronJob", "shop", name, {"spec": {"schedule": "0 1 * * *", "jobTemplate": {"spec": {"template": {"spec": spec}}}}})

binding(kind, name, role) := cluster_obj(kind, name, {"roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": role}, "subjects": [{"kind": "ServiceAccount", "name": "ci", "namespace": "tools"}]})

test_cluster_admin_denied if {
	d := doc([binding("ClusterRoleBinding", "ci-admin", "cluster-admin"), binding("ClusterRoleBinding", "ci-view", "view"), obj("RoleBinding", "shop", "local", {"roleRef": {"kind": "ClusterRole", "name": "cluster-admin"}})])
	addresses(policy.deny) == {"ClusterRoleBinding.ci-admin", "RoleBinding.shop.local"} with input as d
}

test_a_role_named_cluster_admin_is_not_the_cluster_role if {
	d := doc([obj("RoleBinding", "shop", "local", {"roleRef": {"kind": "Role", "name": "cluster-admin"}})])
	count(policy.deny) == 0 with input as d
	count(policy.unknown) == 0 with input as d
}

test_unknown_role_not_judged if {
	d := doc([binding("ClusterRoleBinding", "x", "${ROLE}"), cluster_obj("ClusterRoleBinding", "y", {"roleRef": "${REF}"})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"ClusterRoleBinding.x", "ClusterRoleBinding.y"} with input as d
}
