# METADATA
# title: Kubernetes pods mount a service account token only when they opt in
# description: >-
#   Every pod sets automountServiceAccountToken: false, or uses a
#   ServiceAccount of the same directory that sets it to false. Kubernetes
#   mounts the token by default; a token in every container lets an intruder
#   call the API server as the pod's service account. A pod that sets true
#   explicitly has opted in and passes.
# custom:
#   id: RUNGS-K8S-SA-001
#   severity: medium
#   kind: resource
#   resource_types: [Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController, Job, CronJob]
#   controls: [IAM-3.1]
#   frameworks:
#     cis-kubernetes-1.9: ["5.1.6"]
#     csa-ccm-v4: ["IAM-14"]
#   remediation: |
#     spec:
#       automountServiceAccountToken: false
#     # or on the ServiceAccount:
#     automountServiceAccountToken: false
package rungs.kubernetes.serviceaccounts.token_automount

import rego.v1

import data.rungs.lib
import data.rungs.lib.kubernetes as k8s

types := {"Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob"}

# The pod's service account, by namespace and name ("default" when absent).
account(r) := object.get(pod_spec_or_empty(r), "serviceAccountName", object.get(pod_spec_or_empty(r), "serviceAccount", "default"))

pod_spec_or_empty(r) := object.get(lib.config(r), k8s.spec_path(r), {}) if is_object(object.get(lib.config(r), k8s.spec_path(r), {}))

pod_spec_or_empty(r) := {} if not is_object(object.get(lib.config(r), k8s.spec_path(r), {}))

key(ns, name) := concat("/", [ns, name])

# ServiceAccounts that switch automounting off, and those whose setting is unknown.
accounts_off := {key(k8s.namespace(sa), sa.name) | some sa in lib.resources("ServiceAccount"); lib.falsy(lib.attr(sa, "automountServiceAccountToken", true))}

accounts_unknown := {key(k8s.namespace(sa), sa.name) | some sa in lib.resources("ServiceAccount"); lib.is_unknown(lib.attr(sa, "automountServiceAccountToken", true))}

value(r) := k8s.pod_field(r, ["automountServiceAccountToken"])

bad(r) if {
	value(r) == null
	lib.is_known_string(account(r))
	lib.is_known_string(k8s.namespace(r))
	not key(k8s.namespace(r), account(r)) in accounts_off
	not key(k8s.namespace(r), account(r)) in accounts_unknown
}

undecided(r) if lib.is_unknown(value(r))

undecided(r) if {
	value(r) == null
	some v in [account(r), k8s.namespace(r)]
	lib.is_unknown(v)
}

undecided(r) if {
	value(r) == null
	key(k8s.namespace(r), account(r)) in accounts_unknown
}

# The addresses this policy judges.
judged := {x.address | some x in k8s.workloads; x.type in types}
deny contains lib.finding(r, "the pod mounts a service account token by default (automountServiceAccountToken is not false on the pod or its ServiceAccount)") if {
	some r in k8s.workloads
	r.type in types
	bad(r)
}

unknown contains f if {
	some f in k8s.unknown_specs
	f.resource in judged
}

unknown contains lib.finding(r, "automountServiceAccountToken is unknown at scan time") if {
	some r in k8s.workloads
	r.type in types
	undecided(r)
}
