package rungs.kubernetes.secrets.env_literals_test

import rego.v1

import data.rungs.kubernetes.secrets.env_literals as policy

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

test_literal_secret_denied if {
	d := doc([pod("p", {"containers": [{"name": "app", "image": "x:1", "env": [{"name": "DB_PASSWORD", "value": "hunter2"}, {"name": "LOG_LEVEL", "value": "debug"}]}]})])
	[f.message | some f in policy.deny] == ["container app sets DB_PASSWORD to a literal value"] with input as d
}

test_references_and_placeholders_pass if {
	d := doc([deployment("d", {"containers": [{"name": "app", "image": "x:1", "env": [{"name": "API_TOKEN", "valueFrom": {"secretKeyRef": {"name": "api", "key": "token"}}}, {"name": "DB_PASSWORD", "value": "${DB_PASSWORD}"}, {"name": "SECRET_FILE", "value": ""}]}]})])
	count(policy.deny) == 0 with input as d
}

test_init_containers_of_cronjobs_are_judged if {
	d := doc([cronjob("c", {"initContainers": [{"name": "init", "image": "x:1", "env": [{"name": "aws_secret_access_key", "value": "abc"}]}]})])
	addresses(policy.deny) == {"CronJob.shop.c"} with input as d
}
