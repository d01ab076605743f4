package rungs.kubernetes.network.service_exposure_test

import rego.v1

import data.rungs.kubernetes.network.service_exposure as policy

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

svc(name, spec, annotations) := obj("Service", "shop", name, {"metadata": {"name": name, "namespace": "shop", "annotations": annotations}, "spec": spec})

test_node_port_and_public_lb_denied if {
	d := doc([
		svc("np", {"type": "NodePort"}, {}),
		svc("lb", {"type": "LoadBalancer"}, {}),
		svc("open", {"type": "LoadBalancer", "loadBalancerSourceRanges": ["10.0.0.0/8", "0.0.0.0/0"]}, {}),
		svc("ip", {"ports": [{"port": 80}]}, {}),
	])
	addresses(policy.deny) == {"Service.shop.np", "Service.shop.lb", "Service.shop.open"} with input as d
}

test_internal_or_restricted_lb_passes if {
	d := doc([
		svc("aws", {"type": "LoadBalancer"}, {"service.beta.kubernetes.io/aws-load-balancer-scheme": "internal"}),
		svc("gke", {"type": "LoadBalancer"}, {"networking.gke.io/load-balancer-type": "Internal"}),
		svc("ranges", {"type": "LoadBalancer", "loadBalancerSourceRanges": ["203.0.113.0/24"]}, {}),
	])
	count(policy.deny) == 0 with input as d
	count(policy.unknown) == 0 with input as d
}

test_unknown_values_not_judged if {
	d := doc([
		svc("t", {"type": "${SERVICE_TYPE}"}, {}),
		svc("r", {"type": "LoadBalancer", "loadBalancerSourceRanges": ["${CIDR}"]}, {}),
		svc("a", {"type": "LoadBalancer"}, {"service.beta.kubernetes.io/aws-load-balancer-scheme": "${SCHEME}"}),
	])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"Service.shop.t", "Service.shop.r", "Service.shop.a"} with input as d
}
