package rungs.kubernetes.network.default_deny_test

import rego.v1

import data.rungs.kubernetes.network.default_deny as policy

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

deny_all(ns) := obj("NetworkPolicy", ns, "default-deny", {"spec": {"podSelector": {}, "policyTypes": ["Ingress", "Egress"]}})

test_namespaces_without_default_deny_denied if {
	d := doc([
		cluster_obj("Namespace", "shop", {}),
		cluster_obj("Namespace", "tools", {}),
		deny_all("shop"),
		obj("NetworkPolicy", "tools", "allow-web", {"spec": {"podSelector": {"matchLabels": {"app": "web"}}, "ingress": [{}]}}),
		deployment("web", {"containers": []}),
		pod("debug", {"containers": []}),
	])
	addresses(policy.deny) == {"Namespace.tools", "Pod.default.debug"} with input as d
	count(policy.unknown) == 0 with input as d
}

test_policy_allowing_all_ingress_is_not_default_deny if {
	d := doc([cluster_obj("Namespace", "shop", {}), obj("NetworkPolicy", "shop", "open", {"spec": {"podSelector": {}, "ingress": [{}]}})])
	addresses(policy.deny) == {"Namespace.shop"} with input as d
}

test_egress_only_policy_is_not_default_deny if {
	d := doc([cluster_obj("Namespace", "shop", {}), obj("NetworkPolicy", "shop", "egress", {"spec": {"podSelector": {}, "policyTypes": ["Egress"]}})])
	addresses(policy.deny) == {"Namespace.shop"} with input as d
}

test_policy_without_types_denies_ingress if {
	d := doc([cluster_obj("Namespace", "shop", {}), obj("NetworkPolicy", "shop", "deny", {"spec": {"podSelector": {}}})])
	count(policy.deny) == 0 with input as d
	count(policy.unknown) == 0 with input as d
}

test_unknown_policy_not_judged if {
	d := doc([cluster_obj("Namespace", "shop", {}), obj("NetworkPolicy", "shop", "deny", {"spec": {"podSelector": "${SELECTOR}"}}), deployment("web", {"containers": []})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"Namespace.shop"} with input as d
}

test_unknown_namespace_not_judged if {
	d := doc([obj("Deployment", "${NAMESPACE}", "web", {"metadata": {"name": "web", "namespace": "${NAMESPACE}"}})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"Deployment.${NAMESPACE}.web"} with input as d
}
