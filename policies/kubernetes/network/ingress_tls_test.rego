package rungs.kubernetes.network.ingress_tls_test

import rego.v1

import data.rungs.kubernetes.network.ingress_tls as policy

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

ing(name, spec) := obj("Ingress", "shop", name, {"spec": spec})

rules := [{"host": "shop.example.com", "http": {"paths": [{"path": "/", "pathType": "Prefix", "backend": {"service": {"name": "web", "port": {"number": 80}}}}]}}]

test_ingress_without_tls_denied if {
	d := doc([ing("plain", {"rules": rules}), ing("empty", {"rules": rules, "tls": []}), ing("tls", {"rules": rules, "tls": [{"hosts": ["shop.example.com"], "secretName": "shop-tls"}]})])
	addresses(policy.deny) == {"Ingress.shop.plain", "Ingress.shop.empty"} with input as d
	count(policy.unknown) == 0 with input as d
}

test_unknown_tls_not_judged if {
	d := doc([ing("u", {"rules": rules, "tls": "${TLS}"}), obj("Ingress", "shop", "v", {"spec": "${SPEC}"})])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"Ingress.shop.u", "Ingress.shop.v"} with input as d
}
