package rungs.kubernetes.pods.host_ipc_test

import rego.v1

import data.rungs.kubernetes.pods.host_ipc as policy

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

test_bad_pod_denied if {
	d := doc([pod("p", {"containers": [{"name": "app", "image": "registry.example.com/shop/app:1.4.2"}], "hostIPC": true}), deployment("d", {"containers": [{"name": "app", "image": "registry.example.com/shop/app:1.4.2"}], "hostIPC": false})])
	addresses(policy.deny) == {"Pod.default.p"} with input as d
	[f.message | some f in policy.deny] == ["the pod shares the host IPC namespace (hostIPC: true)"] with input as d
}

test_good_and_default_pods_pass if {
	d := doc([deployment("d", {"containers": [{"name": "app", "image": "registry.example.com/shop/app:1.4.2"}], "hostIPC": false}), cronjob("c", {})])
	count(policy.deny) == 0 with input as d
	count(policy.unknown) == 0 with input as d
}

test_unknown_value_not_judged if {
	d := doc([deployment("u", {"containers": [{"name": "app", "image": "registry.example.com/shop/app:1.4.2"}], "hostIPC": "${HOST_IPC}"})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"Deployment.shop.u"} with input as d
}

test_unknown_pod_spec_not_judged if {
	d := doc([obj("Deployment", "shop", "t", {"spec": "${SPEC}"})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"Deployment.shop.t"} with input as d
}
