package rungs.kubernetes.pods.drop_all_capabilities_test

import rego.v1

import data.rungs.kubernetes.pods.drop_all_capabilities as policy

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

test_bad_container_denied if {
	d := doc([pod("p", {"containers": [{"name": "app", "image": "registry.example.com/shop/app:1.4.2", "securityContext": {"capabilities": {"drop": ["NET_RAW"]}}}]}), deployment("d", {"containers": [{"name": "app", "image": "registry.example.com/shop/app:1.4.2", "securityContext": {"capabilities": {"drop": ["ALL"]}}}]})])
	addresses(policy.deny) == {"Pod.default.p"} with input as d
	[f.message | some f in policy.deny] == ["container app does not drop ALL capabilities"] with input as d
}

test_good_containers_pass if {
	d := doc([deployment("d", {"containers": [{"name": "app", "image": "registry.example.com/shop/app:1.4.2", "securityContext": {"capabilities": {"drop": ["ALL"]}}}]}), cronjob("c", {"containers": [{"name": "app", "image": "registry.example.com/shop/app:1.4.2", "securityContext": {"capabilities": {"drop": ["ALL"]}}}]})])
	count(policy.deny) == 0 with input as d
	count(policy.unknown) == 0 with input as d
}

test_nested_pod_templates_are_judged if {
	d := doc([cronjob("c", {"containers": [{"name": "app", "image": "registry.example.com/shop/app:1.4.2", "securityContext": {"capabilities": {"drop": ["NET_RAW"]}}}]})])
	addresses(policy.deny) == {"CronJob.shop.c"} with input as d
}

test_init_containers_are_judged if {
	d := doc([deployment("i", {"initContainers": [{"name": "init", "image": "registry.example.com/shop/app:1.4.2", "securityContext": {"capabilities": {"drop": ["NET_RAW"]}}}], "containers": [{"name": "app", "image": "registry.example.com/shop/app:1.4.2", "securityContext": {"capabilities": {"drop": ["ALL"]}}}]})])
	[f.message | some f in policy.deny] == ["container init does not drop ALL capabilities"] with input as d
}

test_unknown_value_not_judged if {
	d := doc([deployment("u", {"containers": [{"name": "app", "image": "registry.example.com/shop/app:1.4.2", "securityContext": {"capabilities": {"drop": ["${DROP}"]}}}]})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"Deployment.shop.u"} with input as d
}

test_unknown_pod_spec_not_judged if {
	d := doc([obj("Deployment", "shop", "t", {"spec": {"template": "${template {{ .Values.pod }}}"}})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"Deployment.shop.t"} with input as d
}
