package rungs.kubernetes.rbac.escalation_verbs_test

import rego.v1

import data.rungs.kubernetes.rbac.escalation_verbs as policy

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

role(name, rules) := obj("Role", "shop", name, {"rules": rules})

test_bad_rule_denied if {
	d := doc([role("bad", [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]}, {"apiGroups": [""], "resources": ["serviceaccounts"], "verbs": ["impersonate"]}]), cluster_obj("ClusterRole", "ok", {"rules": [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]}]})])
	addresses(policy.deny) == {"Role.shop.bad"} with input as d
	[f.message | some f in policy.deny] == ["a rule grants bind, escalate or impersonate"] with input as d
}

test_scoped_rules_pass if {
	d := doc([role("ok", [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]}]), cluster_obj("ClusterRole", "none", {})])
	count(policy.deny) == 0 with input as d
	count(policy.unknown) == 0 with input as d
}

test_unknown_rules_not_judged if {
	d := doc([role("u", "${RULES}"), role("v", [{"apiGroups": [""], "resources": ["${RESOURCE}"], "verbs": ["${VERB}"]}])])
	count(policy.deny) == 0 with input as d
	addresses(policy.unknown) == {"Role.shop.u", "Role.shop.v"} with input as d
}
