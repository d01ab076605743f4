# METADATA
# title: Kubernetes namespaces deny ingress by default
# description: >-
#   Every namespace of the manifests (each Namespace object, and the
#   namespace of each workload that no Namespace object declares) has a
#   default-deny ingress NetworkPolicy in the same directory: podSelector {}
#   , policyTypes including Ingress (or no policyTypes and no egress rules),
#   and no ingress rule. Without it every pod accepts traffic from every
#   other pod of the cluster, and one compromised pod reaches them all.
#   Namespaces are matched within one directory of manifests (one document).
# custom:
#   id: RUNGS-K8S-NET-001
#   severity: medium
#   kind: resource
#   resource_types: [Namespace, Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [NET-2.1]
#   frameworks:
#     cis-kubernetes-1.9: ["5.3.2"]
#     csa-ccm-v4: ["IVS-03"]
#   remediation: |
#     apiVersion: networking.k8s.io/v1
#     kind: NetworkPolicy
#     metadata:
#       name: default-deny-ingress
#       namespace: shop
#     spec:
#       podSelector: {}
#       policyTypes: [Ingress]
package rungs.kubernetes.network.default_deny

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

policies := lib.resources("NetworkPolicy")

spec(p) := object.get(lib.config(p), "spec", {})

empty_selector(p) if {
	s := object.get(spec(p), "podSelector", {})
	is_object(s)
	count(object.get(s, "matchLabels", {})) == 0
	count(object.get(s, "matchExpressions", [])) == 0
}

selects_ingress(p) if "Ingress" in k8s.strings(object.get(spec(p), "policyTypes", []))

# Without policyTypes a policy is an ingress policy (and an egress one only with egress rules).
selects_ingress(p) if object.get(spec(p), "policyTypes", null) == null

no_ingress_rule(p) if count(k8s.list(object.get(spec(p), "ingress", []))) == 0

default_deny(p) if {
	is_object(spec(p))
	empty_selector(p)
	selects_ingress(p)
	no_ingress_rule(p)
}

# A NetworkPolicy whose verdict depends on unknown values.
undecided_policy(p) if k8s.unknown_on(lib.config(p), ["spec"])

undecided_policy(p) if {
	is_object(spec(p))
	some f in ["podSelector", "policyTypes", "ingress"]
	k8s.unknown_on(spec(p), [f])
}

undecided_policy(p) if {
	is_object(spec(p))
	k8s.list_unknown(object.get(spec(p), "policyTypes", []))
}

protected := {k8s.namespace(p) | some p in policies; default_deny(p)}

# Namespaces a NetworkPolicy with unknown values might protect; every one when its
# namespace is unknown.
maybe := {k8s.namespace(p) | some p in policies; undecided_policy(p); not default_deny(p)}

maybe_all if {
	some p in policies
	lib.is_unknown(k8s.namespace(p))
}

declared := {r.name | some r in lib.resources("Namespace")}

# The judged objects and the namespace each stands for: Namespace objects, and the
# workloads of namespaces no Namespace object declares.
judged contains [r, r.name] if some r in lib.resources("Namespace")

judged contains [r, ns] if {
	some r in k8s.workloads
	ns := k8s.namespace(r)
	not ns in declared
}

deny contains lib.finding(r, sprintf("namespace %s has no default-deny ingress NetworkPolicy", [ns])) if {
	some [r, ns] in judged
	lib.is_known_string(ns)
	not ns in protected
	not ns in maybe
	not maybe_all
}

unknown contains lib.finding(r, "the namespace or a NetworkPolicy of it is unknown at scan time") if {
	some [r, ns] in judged
	not ns in protected
	undecided_namespace(ns)
}

undecided_namespace(ns) if lib.is_unknown(ns)

undecided_namespace(ns) if ns in maybe

undecided_namespace(_) if maybe_all
